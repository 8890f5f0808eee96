import { ReasonDialog } from '../../../components/reason-dialog';
import { toast } from '../../../components/ui/toast';
import { useExportUsers } from '../api/export-users';
import type { UsersFilter } from '../hooks/use-users-filter';

/** Downloads the users the current filters match as CSV; the export and its reason go into the audit log. */
export function ExportDialog({ filter, total }: { filter: UsersFilter; total: number | undefined }) {
  const exportUsers = useExportUsers();
  return (
    <ReasonDialog
      triggerLabel="Export CSV…"
      title="Export these users as CSV"
      description={`The ${total === undefined ? '' : `${total.toLocaleString()} `}users matching the current filters, as a file. Personal data leaves Gatehouse: the export is recorded in the audit log.`}
      confirmLabel="Export"
      onConfirm={async (reason) => {
        const filename = await exportUsers.mutateAsync({ filter, reason });
        toast.success(`Exported to ${filename}.`);
      }}
    />
  );
}
