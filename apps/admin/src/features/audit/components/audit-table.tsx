import { Link } from 'react-router';
import { Button } from '../../../components/ui/button';
import { Table, Th } from '../../../components/ui/table';
import { paths } from '../../../config/paths';
import { formatDateTime } from '../../../lib/format';
import type { AuditEntry } from '../api/get-audit-log';

/** "status: pending → active; role: support → admin", or the value as JSON when it is not a change. */
export function describeChanges(changes: Record<string, unknown>): string {
  return Object.entries(changes)
    .map(([key, value]) => {
      if (value && typeof value === 'object' && 'from' in value && 'to' in value) {
        const change = value as { from: unknown; to: unknown };
        return `${key}: ${String(change.from)} → ${String(change.to)}`;
      }
      if (Array.isArray(value) && value.length === 2) return `${key}: ${String(value[0])} → ${String(value[1])}`;
      return `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`;
    })
    .join('; ');
}

function Target({ entry }: { entry: AuditEntry }) {
  if (entry.targetType === 'user' && entry.targetId && entry.action !== 'user.delete') {
    return <Link to={paths.user(entry.targetId)}>user {entry.targetId.slice(0, 8)}</Link>;
  }
  if (entry.targetType === 'users') return <span>filtered users</span>;
  return (
    <span className="mono" title={entry.targetId ?? undefined}>
      {entry.targetType} {entry.targetId?.slice(0, 8) ?? ''}
    </span>
  );
}

export function AuditTable({
  entries,
  onStaffChosen,
}: {
  entries: AuditEntry[];
  onStaffChosen: (entry: AuditEntry) => void;
}) {
  return (
    <Table caption="Audit log, newest first">
      <thead>
        <tr>
          <Th>When</Th>
          <Th>Staff</Th>
          <Th>Action</Th>
          <Th>Target</Th>
          <Th>Reason</Th>
          <Th>Changes</Th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.id}>
            <td>{formatDateTime(entry.createdAt)}</td>
            <td className="cell--email">
              {entry.staffId ? (
                <Button
                  variant="ghost"
                  className="button--link"
                  onClick={() => onStaffChosen(entry)}
                  title="Only this staff member's actions"
                >
                  {entry.staffEmail}
                </Button>
              ) : (
                entry.staffEmail
              )}
            </td>
            <td>
              <code>{entry.action}</code>
            </td>
            <td>
              <Target entry={entry} />
            </td>
            <td>{entry.reason ?? <span className="muted">—</span>}</td>
            <td className="cell--changes">{describeChanges(entry.changes) || <span className="muted">—</span>}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
