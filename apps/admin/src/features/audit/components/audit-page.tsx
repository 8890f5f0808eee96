import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { EmptyState, ErrorState, Loading } from '../../../components/ui/status';
import { useCursorPages } from '../../../hooks/use-cursor-pages';
import { useAuditLog } from '../api/get-audit-log';
import { useAuditFilter } from '../hooks/use-audit-filter';
import { AuditFilters } from './audit-filters';
import { AuditTable } from './audit-table';

/** Who did what, to whom, why and when: newest first, filtered through the URL. */
export function AuditPage() {
  const { filter, setFilter } = useAuditFilter();
  const pages = useCursorPages();
  const audit = useAuditLog({ ...filter, cursor: pages.cursor });
  const [staffEmail, setStaffEmail] = useState<string>();

  return (
    <>
      <title>Audit log · Gatehouse</title>
      <h1>Audit log</h1>
      <AuditFilters staffEmail={staffEmail} />
      {audit.isPending ? (
        <Loading label="Loading the audit log…" />
      ) : audit.isError ? (
        <ErrorState error={audit.error} onRetry={() => void audit.refetch()} />
      ) : audit.data.items.length === 0 ? (
        <EmptyState title={Object.keys(filter).length ? 'No entries match these filters.' : 'No staff action yet.'} />
      ) : (
        <>
          <AuditTable
            entries={audit.data.items}
            onStaffChosen={(entry) => {
              setStaffEmail(entry.staffEmail);
              setFilter({ ...filter, staffId: entry.staffId ?? undefined });
            }}
          />
          <nav className="pager" aria-label="Pages of the audit log">
            <Button onClick={pages.first} disabled={!pages.hasPrevious}>
              Newest
            </Button>
            <Button onClick={pages.previous} disabled={!pages.hasPrevious}>
              Newer
            </Button>
            <Button
              onClick={() => audit.data.nextCursor && pages.next(audit.data.nextCursor)}
              disabled={!audit.data.nextCursor || audit.isPlaceholderData}
            >
              Older
            </Button>
          </nav>
        </>
      )}
    </>
  );
}
