import { useNavigate } from 'react-router';
import { ReasonDialog } from '../../../components/reason-dialog';
import { toast } from '../../../components/ui/toast';
import { paths } from '../../../config/paths';
import { Can } from '../../../lib/authorization';
import { useConfirmUser } from '../api/confirm-user';
import { useDeleteUser } from '../api/delete-user';
import { useDisableUser } from '../api/disable-user';
import { useEnableUser } from '../api/enable-user';
import type { UserDetail } from '../api/get-user';
import { useResendConfirmation } from '../api/resend-confirmation';

/** The actions the signed-in role may take on this person (and only those), each asking for a reason. */
export function UserActions({ user }: { user: Pick<UserDetail, 'id' | 'email' | 'status'> }) {
  const resend = useResendConfirmation();
  const confirm = useConfirmUser();
  const disable = useDisableUser();
  const enable = useEnableUser();
  const remove = useDeleteUser();
  const navigate = useNavigate();
  const userId = user.id;
  const pending = user.status === 'pending';

  return (
    <div className="actions" role="group" aria-label="Actions">
      {pending ? (
        <Can permission="users.resend">
          <ReasonDialog
            triggerLabel="Resend confirmation"
            triggerVariant="primary"
            title="Resend the confirmation email"
            description={`A fresh link goes to ${user.email}; earlier links stop working.`}
            confirmLabel="Send"
            onConfirm={async (reason) => {
              await resend.mutateAsync({ userId, reason });
              toast.success(`Confirmation email queued for ${user.email}.`);
            }}
          />
        </Can>
      ) : null}
      {pending ? (
        <Can permission="users.confirm">
          <ReasonDialog
            triggerLabel="Confirm by hand"
            title="Confirm this address by hand"
            description="The account becomes active without the person following the link. Do this only when you know the address is theirs."
            confirmLabel="Confirm"
            onConfirm={async (reason) => {
              await confirm.mutateAsync({ userId, reason });
              toast.success(`${user.email} is confirmed.`);
            }}
          />
        </Can>
      ) : null}
      <Can permission="users.disable">
        {user.status === 'disabled' ? (
          <ReasonDialog
            triggerLabel="Enable"
            title="Enable this account"
            description="It returns to active, or to pending if it was never confirmed."
            confirmLabel="Enable"
            onConfirm={async (reason) => {
              await enable.mutateAsync({ userId, reason });
              toast.success(`${user.email} is enabled again.`);
            }}
          />
        ) : (
          <ReasonDialog
            triggerLabel="Disable"
            title="Disable this account"
            description="The person can no longer confirm or use the account, and outstanding links stop working."
            confirmLabel="Disable"
            confirmVariant="danger"
            onConfirm={async (reason) => {
              await disable.mutateAsync({ userId, reason });
              toast.success(`${user.email} is disabled.`);
            }}
          />
        )}
      </Can>
      <Can permission="users.delete">
        <ReasonDialog
          triggerLabel="Delete"
          triggerVariant="danger"
          title="Delete this person"
          description={`${user.email} and everything stored about them (links, emails) are removed for good. The audit log keeps only the id.`}
          confirmLabel="Delete for good"
          confirmVariant="danger"
          onConfirm={async (reason) => {
            await remove.mutateAsync({ userId, reason });
            toast.success(`${user.email} is deleted.`);
            navigate(paths.users, { replace: true });
          }}
        />
      </Can>
    </div>
  );
}
