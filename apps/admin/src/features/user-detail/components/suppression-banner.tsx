import { ReasonDialog } from '../../../components/reason-dialog';
import { toast } from '../../../components/ui/toast';
import { Can } from '../../../lib/authorization';
import { formatDateTime } from '../../../lib/format';
import type { UserDetail } from '../api/get-user';
import { useLiftSuppression } from '../api/lift-suppression';

const CAUSES = {
  hard_bounce: 'The address bounced for good',
  complaint: 'The person marked an email as spam',
  soft_bounces: 'The address bounced repeatedly',
} satisfies Record<NonNullable<UserDetail['suppression']>['cause'], string>;

/**
 * Why no email reaches this person, where support looks first: the reason, since when and until when, and (for
 * those who may resend) lifting it once the person has fixed their mailbox. Nothing when the address is not held.
 */
export function SuppressionBanner({ user }: { user: Pick<UserDetail, 'id' | 'email' | 'suppression'> }) {
  const lift = useLiftSuppression();
  const suppression = user.suppression;
  if (!suppression?.active) return null;
  return (
    <section className="banner banner--danger" role="status" aria-label="Undeliverable address">
      <p className="banner__title">
        <strong>No email goes to this address.</strong> {CAUSES[suppression.cause]}.
      </p>
      <p>{suppression.reason}</p>
      <dl className="facts">
        <div>
          <dt>Since</dt>
          <dd>{formatDateTime(suppression.since)}</dd>
        </div>
        <div>
          <dt>Until</dt>
          <dd>{suppression.until ? formatDateTime(suppression.until) : 'lifted by support'}</dd>
        </div>
      </dl>
      <Can permission="users.resend">
        <ReasonDialog
          triggerLabel="Lift suppression"
          title="Lift the suppression"
          description={`Emails go to ${user.email} again. Do this once the person says the mailbox works; another bounce or complaint puts it back.`}
          confirmLabel="Lift"
          onConfirm={async (reason) => {
            await lift.mutateAsync({ userId: user.id, reason });
            toast.success(`Emails go to ${user.email} again.`);
          }}
        />
      </Can>
    </section>
  );
}
