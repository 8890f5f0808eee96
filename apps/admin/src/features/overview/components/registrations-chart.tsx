import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCount } from '../../../lib/format';
import type { RegistrationStats } from '../api/get-stats';

/** Registrations and confirmations per day, with the numbers as a table for those who cannot see the chart. */
export function RegistrationsChart({ days }: { days: RegistrationStats['days'] }) {
  return (
    <figure className="chart">
      <figcaption className="chart__caption">Registrations and confirmations per day</figcaption>
      <div className="chart__canvas" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={days} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#d8dee9" />
            <XAxis dataKey="day" tickFormatter={(day: string) => day.slice(5)} minTickGap={16} />
            <YAxis allowDecimals={false} width={40} />
            <Tooltip />
            <Legend />
            <Line
              type="monotone"
              dataKey="registrations"
              name="Registrations"
              stroke="#1d4ed8"
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
            <Line
              type="monotone"
              dataKey="confirmations"
              name="Confirmations"
              stroke="#15803d"
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <details className="chart__data">
        <summary>The numbers</summary>
        <table className="table">
          <caption className="visually-hidden">Registrations and confirmations per day</caption>
          <thead>
            <tr>
              <th scope="col">Day (UTC)</th>
              <th scope="col">Registrations</th>
              <th scope="col">Confirmations</th>
            </tr>
          </thead>
          <tbody>
            {days.map((day) => (
              <tr key={day.day}>
                <td>{day.day}</td>
                <td>{formatCount(day.registrations)}</td>
                <td>{formatCount(day.confirmations)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
