import { Link } from 'react-router';
import { EmptyState } from '../../components/ui/status';
import { paths } from '../../config/paths';

export function NotFound() {
  return (
    <>
      <title>Not found · Gatehouse</title>
      <h1>Not found</h1>
      <EmptyState title="There is no page here.">
        <Link to={paths.overview}>Go to the overview</Link>
      </EmptyState>
    </>
  );
}
