import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi } from '../../../testing/mock-api';
import { renderPage } from '../../../testing/render';
import { aSession } from '../../../testing/sessions';
import { UsersPage } from './users-page';

const page = (items: unknown[], nextCursor: string | null = null) => ({
  body: { items, nextCursor, total: items.length },
});
const alice = {
  id: '11111111-1111-4111-8111-111111111111',
  email: 'alice@example.com',
  status: 'pending',
  locale: 'en',
  createdAt: '2026-05-01T10:00:00.000Z',
  confirmedAt: null,
  latestDelivery: { state: 'failed', template: 'confirmation', createdAt: '2026-05-01T10:00:00.000Z' },
};

describe('the users page', () => {
  it('asks the API for the URL’s filters and shows the result', async () => {
    const requests = mockApi({ 'GET /api/admin/users': page([alice]) });
    renderPage(<UsersPage />, { url: '/users?status=pending&delivery=failed', session: aSession('support') });
    expect(await screen.findByRole('link', { name: 'alice@example.com' })).toHaveAttribute(
      'href',
      `/users/${alice.id}`,
    );
    expect(screen.getByText('1 user matches')).toBeInTheDocument();
    expect(new URLSearchParams(requests[0]?.search)).toEqual(
      new URLSearchParams({ status: 'pending', delivery: 'failed', sort: 'desc', limit: '50' }),
    );
  });

  it('hides bulk resend and export from support staff, and shows them to admins', async () => {
    mockApi({ 'GET /api/admin/users': page([alice]) });
    const { unmount } = renderPage(<UsersPage />, { url: '/users', session: aSession('support') });
    await screen.findByRole('link', { name: 'alice@example.com' });
    expect(screen.queryByRole('button', { name: /Resend to pending|Export CSV/ })).not.toBeInTheDocument();
    unmount();
    renderPage(<UsersPage />, { url: '/users', session: aSession('admin') });
    expect(await screen.findByRole('button', { name: 'Resend to pending…' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Export CSV…' })).toBeInTheDocument();
  });

  it('pages with the cursor in the URL, and says when nobody matches', async () => {
    const user = userEvent.setup();
    const requests = mockApi({
      'GET /api/admin/users': (request) =>
        new URLSearchParams(request.search).get('q') === 'nobody'
          ? page([])
          : new URLSearchParams(request.search).has('cursor')
            ? page([{ ...alice, id: '22222222-2222-4222-8222-222222222222', email: 'bob@example.com' }])
            : page([alice], 'cursor-2'),
    });
    renderPage(<UsersPage />, { url: '/users', session: aSession('support') });
    await screen.findByRole('link', { name: 'alice@example.com' });
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByRole('link', { name: 'bob@example.com' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/users?cursor=cursor-2');
    expect(screen.getByText('Page 2')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Previous' }));
    expect(await screen.findByRole('link', { name: 'alice@example.com' })).toBeInTheDocument();
    expect(requests.filter((r) => r.search.includes('cursor=cursor-2'))).toHaveLength(1);

    await user.type(screen.getByLabelText('Search by address'), 'nobody');
    expect(await screen.findByText('Nobody matches these filters.')).toBeInTheDocument();
  });
});
