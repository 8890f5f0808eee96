import { createBrowserRouter, type RouteObject } from 'react-router';
import { Loading } from '../components/ui/status';
import { RequireSession } from '../features/auth/components/require-session';
import { AppShell } from './routes/app-shell';
import { NotFound } from './routes/not-found';
import { RequirePermission } from './routes/require-permission';
import { RouteError } from './routes/route-error';

/** The dashboard's pages. Each page's code loads when it is first opened (the charts are the largest part). */
export const routes: RouteObject[] = [
  {
    path: '/sign-in',
    errorElement: <RouteError />,
    hydrateFallbackElement: <Loading />,
    lazy: async () => ({ Component: (await import('../features/auth/components/sign-in-page')).SignInPage }),
  },
  {
    path: '/setup',
    errorElement: <RouteError />,
    hydrateFallbackElement: <Loading />,
    lazy: async () => ({ Component: (await import('../features/setup/components/setup-page')).SetupPage }),
  },
  {
    element: (
      <RequireSession>
        <AppShell />
      </RequireSession>
    ),
    errorElement: <RouteError />,
    hydrateFallbackElement: <Loading />,
    children: [
      {
        index: true,
        lazy: async () => ({ Component: (await import('../features/overview/components/overview-page')).OverviewPage }),
      },
      {
        path: 'users',
        lazy: async () => ({ Component: (await import('../features/users/components/users-page')).UsersPage }),
      },
      {
        path: 'users/:id',
        lazy: async () => ({
          Component: (await import('../features/user-detail/components/user-detail-page')).UserDetailPage,
        }),
      },
      {
        path: 'audit',
        lazy: async () => {
          const { AuditPage } = await import('../features/audit/components/audit-page');
          return {
            Component: () => (
              <RequirePermission permission="audit.read">
                <AuditPage />
              </RequirePermission>
            ),
          };
        },
      },
      {
        path: 'staff',
        lazy: async () => {
          const { StaffPage } = await import('../features/staff/components/staff-page');
          return {
            Component: () => (
              <RequirePermission permission="staff.manage">
                <StaffPage />
              </RequirePermission>
            ),
          };
        },
      },
      { path: '*', element: <NotFound /> },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes, { basename: '/admin' });
}
