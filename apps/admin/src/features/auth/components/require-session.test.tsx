import { screen } from '@testing-library/react';
import { useQuery } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { api, unwrap } from '../../../lib/api-client';
import { mockApi } from '../../../testing/mock-api';
import { renderPage } from '../../../testing/render';
import { aSession } from '../../../testing/sessions';
import { RequireSession } from './require-session';

describe('RequireSession', () => {
  it('sends someone who is not signed in to sign-in, remembering where they were going', async () => {
    mockApi({ 'GET /api/admin/session': { status: 401, body: { error: 'session_required' } } });
    renderPage(<RequireSession>secret page</RequireSession>, {
      url: '/users?status=pending',
      path: '/users',
      otherRoutes: [{ path: '/sign-in', element: <h1>Sign in</h1> }],
    });
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/sign-in?next=%2Fusers%3Fstatus%3Dpending');
    expect(screen.queryByText('secret page')).not.toBeInTheDocument();
  });

  it('sends them to sign-in when the API says mid-way that the session has ended', async () => {
    mockApi({ 'GET /api/admin/users': { status: 401, body: { error: 'session_required', message: 'Sign in.' } } });
    renderPage(
      <RequireSession>
        <UsersProbe />
      </RequireSession>,
      {
        url: '/users',
        session: aSession('support'),
        otherRoutes: [{ path: '/sign-in', element: <h1>Sign in</h1> }],
      },
    );
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/sign-in?next=%2Fusers');
    expect(await screen.findByText('Your session has ended. Sign in again.')).toBeInTheDocument();
  });
});

/** Any authenticated request, to see what a 401 does. */
function UsersProbe() {
  useQuery({ queryKey: ['probe'], queryFn: () => unwrap(api.GET('/api/admin/users', {})) });
  return <p>users</p>;
}
