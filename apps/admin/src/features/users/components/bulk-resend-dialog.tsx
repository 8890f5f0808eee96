import { useState } from 'react';
import { ReasonDialog } from '../../../components/reason-dialog';
import { Loading } from '../../../components/ui/status';
import { toast } from '../../../components/ui/toast';
import { formatCount } from '../../../lib/format';
import { useBulkResend, useBulkResendDryRun } from '../api/bulk-resend';
import type { UsersFilter } from '../hooks/use-users-filter';

function plural(count: number, one: string, many: string): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/** Resends the confirmation to every pending person the current filter reaches, after a dry run counts them. */
export function BulkResendDialog({ filter }: { filter: UsersFilter }) {
  const [open, setOpen] = useState(false);
  const dryRun = useBulkResendDryRun(filter, open);
  const bulkResend = useBulkResend();
  const matched = dryRun.data?.matched;

  return (
    <ReasonDialog
      triggerLabel="Resend to pending…"
      title="Resend the confirmation email"
      description="To every pending person the current filters reach (at most 10,000 a run). The per-address email limits still apply."
      confirmLabel={matched ? `Resend to ${plural(matched, 'person', 'people')}` : 'Resend'}
      confirmDisabled={!matched}
      onOpenChange={setOpen}
      onConfirm={async (reason) => {
        const result = await bulkResend.mutateAsync({ filter, reason });
        const held = result.limited ? `; ${formatCount(result.limited)} held back by the email limits` : '';
        const suppressed = result.suppressed ?? 0;
        const gone = (result.skipped ?? 0) - suppressed;
        const skipped =
          (gone ? `; ${formatCount(gone)} no longer pending` : '') +
          (suppressed ? `; ${formatCount(suppressed)} skipped (address suppressed)` : '');
        toast.success(`Queued ${plural(result.queued ?? 0, 'email', 'emails')}${held}${skipped}.`);
      }}
    >
      <div className="dry-run" aria-live="polite">
        {dryRun.isPending ? (
          <Loading label="Counting whom it reaches…" />
        ) : dryRun.isError ? (
          <p className="form-error">Could not count: {dryRun.error.message}</p>
        ) : (
          <p data-testid="dry-run-count">
            Dry run: this reaches <strong>{plural(dryRun.data.matched, 'pending person', 'pending people')}</strong>
            {dryRun.data.suppressed ? (
              <>
                ; <strong>{formatCount(dryRun.data.suppressed)}</strong> of them will be skipped: their address is
                suppressed
              </>
            ) : null}
            .
          </p>
        )}
      </div>
    </ReasonDialog>
  );
}
