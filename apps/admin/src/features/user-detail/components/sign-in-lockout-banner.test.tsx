import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../../../lib/format';
import { mockApi } from '../../../testing/mock-api';
import { renderPage } from '../../../testing/render';
import { aSession } from '../../../testing/sessions';
import { aUserDetail } from '../../../testing/users.factory';
import { SignInLockoutBanner } from './sign-in-lockout-banner';

const LOCKED_UNTIL = '2026-05-02T09:15:00.000Z';
const locked = aUserDetail({ email: 'locked@example.com', status: 'active', signInLockedUntil: LOCKED_UNTIL });

describe('SignInLockoutBanner', () => {
  it('says until when sign-in is locked, to support too, who cannot lift it', () => {
    renderPage(<SignInLockoutBanner user={locked} />, { session: aSession('support') });
    const banner = screen.getByRole('status', { name: 'Sign-in locked' });
    expect(banner).toHaveTextContent(`Sign-in locked until ${formatDateTime(LOCKED_UNTIL)}.`);
    expect(within(banner).queryByRole('button', { name: 'Lift sign-in lockout' })).not.toBeInTheDocument();
  });

  it('shows nothing when sign-in is not locked', () => {
    renderPage(<SignInLockoutBanner user={aUserDetail()} />, { session: aSession('admin') });
    expect(screen.queryByRole('status', { name: 'Sign-in locked' })).not.toBeInTheDocument();
  });

  it('lets an admin lift it with a reason, sent with the CSRF token', async () => {
    const user = userEvent.setup();
    const requests = mockApi({
      [`DELETE /api/admin/users/${locked.id}/sign-in-lockout`]: { status: 204 },
    });
    renderPage(<SignInLockoutBanner user={locked} />, { session: aSession('admin') });
    await user.click(screen.getByRole('button', { name: 'Lift sign-in lockout' }));
    const dialog = screen.getByRole('dialog');
    await user.type(within(dialog).getByLabelText('Reason'), 'they called us');
    await user.click(within(dialog).getByRole('button', { name: 'Lift lockout' }));
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(requests[0]).toMatchObject({ method: 'DELETE', body: { reason: 'they called us' } });
    expect(requests[0]?.headers.get('x-csrf-token')).toBe('csrf-admin');
  });
});
