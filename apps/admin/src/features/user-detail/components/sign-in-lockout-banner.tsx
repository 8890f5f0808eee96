import { ReasonDialog } from '../../../components/reason-dialog';
import { toast } from '../../../components/ui/toast';
import { Can } from '../../../lib/authorization';
import { formatDateTime } from '../../../lib/format';
import type { UserDetail } from '../api/get-user';
import { useLiftSignInLockout } from '../api/lift-sign-in-lockout';

/**
 * Why this person cannot sign in right now: too many wrong passwords for the address (typed by them or by anyone),
 * until when, and (for admins) lifting it once staff know it is them asking. Nothing when sign-in is not locked.
 */
export function SignInLockoutBanner({ user }: { user: Pick<UserDetail, 'id' | 'email' | 'signInLockedUntil'> }) {
  const lift = useLiftSignInLockout();
  if (!user.signInLockedUntil) return null;
  const until = formatDateTime(user.signInLockedUntil);
  return (
    <section className="banner banner--danger" role="status" aria-label="Sign-in locked">
      <p className="banner__title">
        <strong>Sign-in locked until {until}.</strong> Too many wrong passwords were typed for this address, by the
        person or by anyone.
      </p>
      <Can permission="users.disable">
        <ReasonDialog
          triggerLabel="Lift sign-in lockout"
          title="Lift the sign-in lockout"
          description={`${user.email} can sign in again at once instead of at ${until}. Do this only when you know it is them asking.`}
          confirmLabel="Lift lockout"
          onConfirm={async (reason) => {
            await lift.mutateAsync({ userId: user.id, reason });
            toast.success(`${user.email} can sign in again.`);
          }}
        />
      </Can>
    </section>
  );
}
