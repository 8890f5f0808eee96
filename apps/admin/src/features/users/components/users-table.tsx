import { Link } from 'react-router';
import { Table, Th } from '../../../components/ui/table';
import { paths } from '../../../config/paths';
import { formatDateTime } from '../../../lib/format';
import type { UserListItem } from '../api/get-users';
import { DeliveryBadge, StatusBadge } from '../../../components/user-badges';

export function UsersTable({ users }: { users: UserListItem[] }) {
  return (
    <Table caption="Users matching the filters">
      <thead>
        <tr>
          <Th>Address</Th>
          <Th>Status</Th>
          <Th>Signed up</Th>
          <Th>Confirmed</Th>
          <Th>Latest email</Th>
          <Th>Language</Th>
        </tr>
      </thead>
      <tbody>
        {users.map((user) => (
          <tr key={user.id}>
            <td className="cell--email">
              <Link to={paths.user(user.id)}>{user.email}</Link>
            </td>
            <td>
              <StatusBadge status={user.status} />
            </td>
            <td>{formatDateTime(user.createdAt)}</td>
            <td>{formatDateTime(user.confirmedAt)}</td>
            <td>
              {user.latestDelivery ? (
                <>
                  <DeliveryBadge state={user.latestDelivery.state} />{' '}
                  <span className="muted">{user.latestDelivery.template}</span>
                </>
              ) : (
                <span className="muted">never emailed</span>
              )}
            </td>
            <td>{user.locale}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
