import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi } from '../../../testing/mock-api';
import { renderPage } from '../../../testing/render';
import { aSession } from '../../../testing/sessions';
import { aUserDetail } from '../../../testing/users.factory';
import { UserActions } from './user-actions';

const actionNames = () =>
  within(screen.getByRole('group', { name: 'Actions' }))
    .queryAllByRole('button')
    .map((button) => button.textContent);

describe('UserActions', () => {
  it('shows support staff only what support may do: no admin-only action at all', () => {
    renderPage(<UserActions user={aUserDetail({ status: 'pending' })} />, { session: aSession('support') });
    expect(actionNames()).toEqual(['Resend confirmation']);
    expect(screen.queryByRole('button', { name: /disable|delete|confirm by hand/i })).not.toBeInTheDocument();
  });

  it('shows an admin every action that fits the account', () => {
    const { unmount } = renderPage(<UserActions user={aUserDetail({ status: 'pending' })} />, {
      session: aSession('admin'),
    });
    expect(actionNames()).toEqual(['Resend confirmation', 'Confirm by hand', 'Disable', 'Delete']);
    unmount();
    renderPage(<UserActions user={aUserDetail({ status: 'disabled' })} />, { session: aSession('admin') });
    expect(actionNames()).toEqual(['Enable', 'Delete']);
  });

  it('sends the reason with the CSRF token, and says when the next send is allowed on a 429', async () => {
    const user = userEvent.setup();
    const requests = mockApi({
      'POST /api/admin/users/11111111-1111-4111-8111-111111111111/resend-confirmation': {
        status: 429,
        headers: { 'retry-after': '42' },
        body: {
          error: 'resend_too_soon',
          message: 'This address was emailed a moment ago.',
          retryAfterSeconds: 42,
          retryAt: '2026-05-01T10:01:00.000Z',
        },
      },
    });
    renderPage(<UserActions user={aUserDetail()} />, { session: aSession('support') });
    await user.click(screen.getByRole('button', { name: 'Resend confirmation' }));
    await user.type(screen.getByLabelText('Reason'), 'ticket 17');
    await user.click(screen.getByRole('button', { name: 'Send' }));

    const dialog = await screen.findByRole('dialog');
    await waitFor(() => expect(within(dialog).getByRole('alert')).toHaveTextContent(/Next send allowed at/));
    expect(requests[0]?.body).toEqual({ reason: 'ticket 17' });
    expect(requests[0]?.headers.get('x-csrf-token')).toBe('csrf-support');
    // The toast says it too (for when the dialog is closed).
    expect(document.querySelector('.toast--error')).toHaveTextContent(/Next send allowed at/);
  });
});
