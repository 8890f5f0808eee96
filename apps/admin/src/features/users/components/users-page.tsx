import { Button } from '../../../components/ui/button';
import { EmptyState, ErrorState, Loading } from '../../../components/ui/status';
import { useCursorPages } from '../../../hooks/use-cursor-pages';
import { Can } from '../../../lib/authorization';
import { formatCount } from '../../../lib/format';
import { useUsers } from '../api/get-users';
import { useUsersFilter } from '../hooks/use-users-filter';
import { BulkResendDialog } from './bulk-resend-dialog';
import { ExportDialog } from './export-dialog';
import { UsersFilters } from './users-filters';
import { UsersTable } from './users-table';

export function UsersPage() {
  const { filter, sort, clear } = useUsersFilter();
  const pages = useCursorPages();
  const users = useUsers({ ...filter, sort, cursor: pages.cursor });
  const filtered = Object.keys(filter).length > 0;

  return (
    <>
      <title>Users · Gatehouse</title>
      <h1>Users</h1>
      <UsersFilters />
      <div className="toolbar">
        <p className="toolbar__summary" aria-live="polite">
          {users.data
            ? `${formatCount(users.data.total)} ${users.data.total === 1 ? 'user matches' : 'users match'}`
            : ' '}
          {users.isFetching && users.data ? <span className="muted"> · updating…</span> : null}
        </p>
        <div className="toolbar__actions">
          <Can permission="users.bulk">
            <BulkResendDialog filter={filter} />
          </Can>
          <Can permission="users.export">
            <ExportDialog filter={filter} total={users.data?.total} />
          </Can>
        </div>
      </div>
      {users.isPending ? (
        <Loading label="Loading users…" />
      ) : users.isError ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : users.data.items.length === 0 ? (
        <EmptyState title={filtered ? 'Nobody matches these filters.' : 'Nobody has signed up yet.'}>
          {filtered ? <Button onClick={clear}>Clear filters</Button> : null}
        </EmptyState>
      ) : (
        <>
          <UsersTable users={users.data.items} />
          <nav className="pager" aria-label="Pages of users">
            <Button onClick={pages.first} disabled={!pages.hasPrevious}>
              First
            </Button>
            <Button onClick={pages.previous} disabled={!pages.hasPrevious}>
              Previous
            </Button>
            <span className="pager__page">{pages.pageNumber ? `Page ${pages.pageNumber}` : 'A later page'}</span>
            <Button
              onClick={() => users.data.nextCursor && pages.next(users.data.nextCursor)}
              disabled={!users.data.nextCursor || users.isPlaceholderData}
            >
              Next
            </Button>
          </nav>
        </>
      )}
    </>
  );
}
