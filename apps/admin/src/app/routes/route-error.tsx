import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { paths } from '../../config/paths';

/** When a page fails to load or render: say what happened and offer a way on, instead of a blank screen. */
export function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : 'Something went wrong.';
  return (
    <main className="auth-page" id="main">
      <div className="auth-card" role="alert">
        <h1>Something went wrong</h1>
        <p>{message}</p>
        <p>
          <Link to={paths.overview}>Back to the overview</Link> or reload the page (a new version of the dashboard may
          have been deployed).
        </p>
      </div>
    </main>
  );
}
