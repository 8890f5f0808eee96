import { useSearchParams } from 'react-router';
import { EmptyState, ErrorState, Loading } from '../../../components/ui/status';
import { formatCount, formatDuration, formatPercent } from '../../../lib/format';
import { useStats, type StatsRange } from '../api/get-stats';
import { FunnelChart } from './funnel-chart';
import { lastDays, RangePicker, rangeProblem } from './range-picker';
import { RegistrationsChart } from './registrations-chart';

function Figure({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div className="figure">
      <dt>{label}</dt>
      <dd>
        <span className="figure__value">{value}</span>
        {hint ? <span className="figure__hint">{hint}</span> : null}
      </dd>
    </div>
  );
}

/** Registrations, confirmations and deliveries for a range of days kept in the URL (?from=&to=). */
export function OverviewPage() {
  const [params, setParams] = useSearchParams();
  const fallback = lastDays(30);
  const range: StatsRange = { from: params.get('from') ?? fallback.from, to: params.get('to') ?? fallback.to };
  const valid = !rangeProblem(range);
  const stats = useStats(range, valid);

  return (
    <>
      <title>Overview · Gatehouse</title>
      <h1>Overview</h1>
      <RangePicker range={range} onChange={(next) => setParams({ from: next.from, to: next.to }, { replace: true })} />
      {!valid ? null : stats.isPending ? (
        <Loading label="Counting…" />
      ) : stats.isError ? (
        <ErrorState error={stats.error} onRetry={() => void stats.refetch()} />
      ) : (
        <div className="overview" aria-busy={stats.isFetching || undefined}>
          <dl className="figures">
            <Figure label="Registrations" value={formatCount(stats.data.registrations)} />
            <Figure label="Confirmations" value={formatCount(stats.data.confirmations)} />
            <Figure label="Confirmation rate" value={formatPercent(stats.data.confirmationRate)} />
            <Figure label="Median time to confirm" value={formatDuration(stats.data.medianSecondsToConfirm)} />
            <Figure label="Pending now" value={formatCount(stats.data.pendingNow)} hint="whatever the range" />
            <Figure label="Failed deliveries" value={formatCount(stats.data.failedDeliveries)} />
            <Figure label="Emails sent" value={formatCount(stats.data.emailsSent)} />
          </dl>
          {stats.data.registrations === 0 && stats.data.confirmations === 0 ? (
            <EmptyState title="Nobody signed up or confirmed in this range.">
              Choose a longer range to see more.
            </EmptyState>
          ) : (
            <div className="charts">
              <RegistrationsChart days={stats.data.days} />
              <FunnelChart funnel={stats.data.funnel} />
            </div>
          )}
        </div>
      )}
    </>
  );
}
