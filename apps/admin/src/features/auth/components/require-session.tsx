import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorState, Loading } from '../../../components/ui/status';
import { paths } from '../../../config/paths';
import { useSession } from '../../../lib/auth';

/** Shows its children to signed-in staff; everyone else goes to sign-in, and comes back here after. */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Loading label="Checking your session…" />;
  if (session.isError) return <ErrorState error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data) {
    const next = `${location.pathname}${location.search}`;
    const search = next === paths.overview ? '' : `?next=${encodeURIComponent(next)}`;
    return <Navigate to={`${paths.signIn}${search}`} replace />;
  }
  return children;
}
