import { Bar, BarChart, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { formatCount, formatPercent } from '../../../lib/format';
import type { RegistrationStats } from '../api/get-stats';

/** Of the people who signed up in the range: how many got an email out, how many confirmed. */
export function FunnelChart({ funnel }: { funnel: RegistrationStats['funnel'] }) {
  const steps = [
    { step: 'Registered', count: funnel.registered },
    { step: 'Email sent', count: funnel.emailSent },
    { step: 'Confirmed', count: funnel.confirmed },
  ];
  const share = (count: number) => (funnel.registered ? formatPercent(count / funnel.registered) : '—');
  return (
    <figure className="chart">
      <figcaption className="chart__caption">Confirmation funnel of the range’s sign-ups</figcaption>
      <div className="chart__canvas chart__canvas--short" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={steps} layout="vertical" margin={{ top: 8, right: 48, bottom: 8, left: 8 }}>
            <XAxis type="number" allowDecimals={false} hide />
            <YAxis type="category" dataKey="step" width={90} />
            <Bar dataKey="count" fill="#1d4ed8" isAnimationActive={false}>
              <LabelList dataKey="count" position="right" />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ol className="funnel">
        {steps.map((step) => (
          <li key={step.step}>
            <span className="funnel__step">{step.step}</span> <strong>{formatCount(step.count)}</strong>{' '}
            <span className="muted">({share(step.count)})</span>
          </li>
        ))}
      </ol>
    </figure>
  );
}
