import { useState } from 'react';
import { ReasonDialog } from '../../../components/reason-dialog';
import { SelectField } from '../../../components/ui/field';
import { toast } from '../../../components/ui/toast';
import { oneOf, type StaffRole } from '../../../lib/api-enums';
import { formatDateTime } from '../../../lib/format';
import { STAFF_ROLES } from '../api/add-staff';
import type { StaffListItem } from '../api/get-staff';
import { useLiftLockout } from '../api/lift-lockout';
import { useUpdateStaff } from '../api/update-staff';

export function StaffActions({ member }: { member: StaffListItem }) {
  const update = useUpdateStaff();
  const lift = useLiftLockout();
  const otherRole = STAFF_ROLES.find((value) => value !== member.role) ?? member.role;
  const [role, setRole] = useState<StaffRole>(otherRole);

  return (
    <div className="actions actions--compact">
      <ReasonDialog
        triggerLabel="Change role"
        title={`Change the role of ${member.email}`}
        description="Admins can do everything; support staff find people and resend links."
        confirmLabel="Change role"
        confirmDisabled={role === member.role}
        onOpenChange={(open) => open && setRole(otherRole)}
        onConfirm={async (reason) => {
          await update.mutateAsync({ staffId: member.id, role, reason });
          toast.success(`${member.email} is now ${role}.`);
        }}
      >
        <SelectField
          label="New role"
          value={role}
          onChange={(event) => setRole(oneOf(STAFF_ROLES, event.target.value) ?? member.role)}
        >
          {STAFF_ROLES.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </SelectField>
      </ReasonDialog>
      {member.lockedUntil ? (
        <ReasonDialog
          triggerLabel="Lift lockout"
          title={`Lift the lockout of ${member.email}`}
          description={`Five wrong passwords were typed for this address, by them or by anyone; sign-in is refused until ${formatDateTime(member.lockedUntil)}. Lift it only when you know it is them.`}
          confirmLabel="Lift lockout"
          onConfirm={async (reason) => {
            await lift.mutateAsync({ staffId: member.id, reason });
            toast.success(`${member.email} can sign in again.`);
          }}
        />
      ) : null}
      {member.disabled ? (
        <ReasonDialog
          triggerLabel="Enable"
          title={`Enable ${member.email}`}
          description="They can sign in again."
          confirmLabel="Enable"
          onConfirm={async (reason) => {
            await update.mutateAsync({ staffId: member.id, disabled: false, reason });
            toast.success(`${member.email} can sign in again.`);
          }}
        />
      ) : (
        <ReasonDialog
          triggerLabel="Disable"
          title={`Disable ${member.email}`}
          description="Their sessions end at once and they can no longer sign in."
          confirmLabel="Disable"
          confirmVariant="danger"
          onConfirm={async (reason) => {
            await update.mutateAsync({ staffId: member.id, disabled: true, reason });
            toast.success(`${member.email} is disabled.`);
          }}
        />
      )}
    </div>
  );
}
