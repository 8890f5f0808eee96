import { Link, useParams } from 'react-router';
import { StatusBadge } from '../../../components/user-badges';
import { Badge, ErrorState, Loading } from '../../../components/ui/status';
import { Table, Th } from '../../../components/ui/table';
import { paths } from '../../../config/paths';
import type { IssuedTokenState } from '../../../lib/api-enums';
import { formatDateTime } from '../../../lib/format';
import { useUser, type UserDetail } from '../api/get-user';
import { SignInLockoutBanner } from './sign-in-lockout-banner';
import { SuppressionBanner } from './suppression-banner';
import { UserActions } from './user-actions';
import { UserTimeline } from './user-timeline';

const TOKEN_TONE = {
  outstanding: 'info',
  used: 'success',
  superseded: 'muted',
  expired: 'muted',
} satisfies Record<IssuedTokenState, string>;

function Tokens({ tokens }: { tokens: UserDetail['tokens'] }) {
  if (!tokens.length) return <p className="muted">No confirmation link was issued.</p>;
  return (
    <Table caption="Confirmation links issued, newest first">
      <thead>
        <tr>
          <Th>Issued</Th>
          <Th>Expires</Th>
          <Th>State</Th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((token) => (
          <tr key={token.id}>
            <td>{formatDateTime(token.issuedAt)}</td>
            <td>{formatDateTime(token.expiresAt)}</td>
            <td>
              <Badge tone={TOKEN_TONE[token.state]}>{token.state}</Badge>
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

export function UserDetailPage() {
  const { id = '' } = useParams();
  const user = useUser(id);
  return (
    <>
      <title>{`${user.data?.email ?? 'User'} · Gatehouse`}</title>
      <p className="breadcrumb">
        <Link to={paths.users}>← Users</Link>
      </p>
      {user.isPending ? (
        <>
          <h1>User</h1>
          <Loading label="Loading this person…" />
        </>
      ) : user.isError ? (
        <>
          <h1>User</h1>
          <ErrorState error={user.error} onRetry={() => void user.refetch()} />
        </>
      ) : (
        <>
          <header className="detail-header">
            <h1 className="detail-header__title">{user.data.email}</h1>
            <StatusBadge status={user.data.status} />
          </header>
          <SignInLockoutBanner user={user.data} />
          <SuppressionBanner user={user.data} />
          <dl className="facts">
            <div>
              <dt>Signed up</dt>
              <dd>{formatDateTime(user.data.createdAt)}</dd>
            </div>
            <div>
              <dt>Confirmed</dt>
              <dd>{formatDateTime(user.data.confirmedAt)}</dd>
            </div>
            <div>
              <dt>Language</dt>
              <dd>{user.data.locale}</dd>
            </div>
            <div>
              <dt>Id</dt>
              <dd className="mono">{user.data.id}</dd>
            </div>
          </dl>
          <UserActions user={user.data} />
          <section aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">Timeline</h2>
            <UserTimeline user={user.data} />
          </section>
          <section aria-labelledby="links-heading">
            <h2 id="links-heading">Confirmation links</h2>
            <Tokens tokens={user.data.tokens} />
          </section>
        </>
      )}
    </>
  );
}
