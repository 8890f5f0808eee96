import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi } from '../../../testing/mock-api';
import { renderPage } from '../../../testing/render';
import { aSession } from '../../../testing/sessions';
import { aUserDetail } from '../../../testing/users.factory';
import { SuppressionBanner } from './suppression-banner';

const suppressed = aUserDetail({
  email: 'gone@example.com',
  suppression: {
    cause: 'hard_bounce',
    reason: 'The address bounced for good: 5.1.1 (550 5.1.1 user unknown).',
    smtpStatus: '5.1.1',
    diagnostic: '550 5.1.1 user unknown',
    since: '2026-05-02T09:00:00.000Z',
    until: null,
    active: true,
  },
});

describe('SuppressionBanner', () => {
  it('says why no email goes to the address, since when and until when', () => {
    renderPage(<SuppressionBanner user={suppressed} />, { session: aSession('support') });
    const banner = screen.getByRole('status', { name: 'Undeliverable address' });
    expect(banner).toHaveTextContent('No email goes to this address. The address bounced for good.');
    expect(banner).toHaveTextContent('550 5.1.1 user unknown');
    expect(within(banner).getByText('Until').nextSibling).toHaveTextContent('lifted by support');
  });

  it('shows nothing when the address is not suppressed, or the suppression ran out', () => {
    const { unmount } = renderPage(<SuppressionBanner user={aUserDetail()} />, { session: aSession('support') });
    expect(screen.queryByRole('status', { name: 'Undeliverable address' })).not.toBeInTheDocument();
    unmount();
    const ranOut = { ...suppressed, suppression: { ...suppressed.suppression!, active: false } };
    renderPage(<SuppressionBanner user={ranOut} />, { session: aSession('support') });
    expect(screen.queryByRole('status', { name: 'Undeliverable address' })).not.toBeInTheDocument();
  });

  it('lifts the suppression with a reason, sent with the CSRF token', async () => {
    const user = userEvent.setup();
    const requests = mockApi({
      [`DELETE /api/admin/users/${suppressed.id}/suppression`]: { status: 204 },
    });
    renderPage(<SuppressionBanner user={suppressed} />, { session: aSession('support') });
    await user.click(screen.getByRole('button', { name: 'Lift suppression' }));
    await user.type(screen.getByLabelText('Reason'), 'mailbox recreated');
    await user.click(screen.getByRole('button', { name: 'Lift' }));
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(requests[0]).toMatchObject({ method: 'DELETE', body: { reason: 'mailbox recreated' } });
    expect(requests[0]?.headers.get('x-csrf-token')).toBe('csrf-support');
  });
});
