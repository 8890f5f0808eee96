import { Badge, EmptyState, ErrorState, Loading } from '../../../components/ui/status';
import { Table, Th } from '../../../components/ui/table';
import type { StaffRole } from '../../../lib/api-enums';
import { useSession } from '../../../lib/auth';
import { formatDateTime } from '../../../lib/format';
import { useStaff } from '../api/get-staff';
import { AddStaffDialog } from './add-staff-dialog';
import { StaffActions } from './staff-actions';

const ROLE_TONE = { admin: 'info', support: 'neutral' } satisfies Record<StaffRole, string>;

/** Admins only: who may use the dashboard, with which role. */
export function StaffPage() {
  const staff = useStaff();
  const me = useSession().data?.staff.id;
  return (
    <>
      <title>Staff · Gatehouse</title>
      <h1>Staff</h1>
      <div className="toolbar">
        <p className="toolbar__summary">
          {staff.data ? `${staff.data.length} staff ${staff.data.length === 1 ? 'member' : 'members'}` : ' '}
        </p>
        <div className="toolbar__actions">
          <AddStaffDialog />
        </div>
      </div>
      {staff.isPending ? (
        <Loading label="Loading staff…" />
      ) : staff.isError ? (
        <ErrorState error={staff.error} onRetry={() => void staff.refetch()} />
      ) : staff.data.length === 0 ? (
        <EmptyState title="No staff yet." />
      ) : (
        <Table caption="Staff members">
          <thead>
            <tr>
              <Th>Address</Th>
              <Th>Role</Th>
              <Th>State</Th>
              <Th>Last sign-in</Th>
              <Th>Actions</Th>
            </tr>
          </thead>
          <tbody>
            {staff.data.map((member) => (
              <tr key={member.id}>
                <td className="cell--email">
                  {member.email}
                  {member.id === me ? <span className="muted"> (you)</span> : null}
                </td>
                <td>
                  <Badge tone={ROLE_TONE[member.role]}>{member.role}</Badge>
                </td>
                <td>
                  {member.disabled ? <Badge tone="muted">disabled</Badge> : <Badge tone="success">active</Badge>}
                  {member.lockedUntil ? (
                    <>
                      {' '}
                      <Badge tone="warning">locked until {formatDateTime(member.lockedUntil)}</Badge>
                    </>
                  ) : null}
                </td>
                <td>{formatDateTime(member.lastSignInAt)}</td>
                <td>
                  <StaffActions member={member} />
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
