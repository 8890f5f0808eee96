import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { AppProvider } from '../app/provider';
import { setCsrfToken } from '../lib/api-client';
import { createQueryClient } from '../lib/query-client';
import type { Session } from '../lib/auth';
import { queryKeys } from '../lib/query-keys';

/** Shows where the router is, so a test can read the URL a component wrote. */
function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{`${location.pathname}${location.search}`}</output>;
}

export interface RenderOptions {
  /** The URL the test starts at. */
  url?: string;
  /** The route pattern the element is mounted at (default: the URL's path). */
  path?: string;
  /** Who is signed in (null: nobody); undefined leaves the session to be fetched. */
  session?: Session | null;
  /** Other pages the element may navigate to. */
  otherRoutes?: Array<{ path: string; element: ReactNode }>;
}

/** Renders an element with the app's providers and a memory router, as the dashboard would. */
export function renderPage(element: ReactNode, options: RenderOptions = {}) {
  const url = options.url ?? '/';
  // The app's own client (its error toasts included), without retries that would slow a failing test down.
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } });
  if (options.session !== undefined) {
    queryClient.setQueryData(queryKeys.session, options.session);
    setCsrfToken(options.session?.csrfToken);
  }
  const router = createMemoryRouter(
    [
      {
        path: options.path ?? new URL(url, 'http://localhost').pathname,
        element: (
          <>
            {element}
            <LocationProbe />
          </>
        ),
      },
      ...(options.otherRoutes ?? []).map((route) => ({
        path: route.path,
        element: (
          <>
            {route.element}
            <LocationProbe />
          </>
        ),
      })),
    ],
    { initialEntries: [url] },
  );
  const result = render(
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return { ...result, router, queryClient };
}
