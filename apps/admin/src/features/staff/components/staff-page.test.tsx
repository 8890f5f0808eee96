import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../../../lib/format';
import { mockApi } from '../../../testing/mock-api';
import { renderPage } from '../../../testing/render';
import { aSession } from '../../../testing/sessions';
import type { StaffListItem } from '../api/get-staff';
import { StaffPage } from './staff-page';

const LOCKED_ID = '00000000-0000-4000-8000-000000000003';
const LOCKED_UNTIL = '2026-05-01T10:15:00.000Z';

function aStaffMember(overrides: Partial<StaffListItem> = {}): StaffListItem {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    email: 'admin@example.com',
    role: 'admin',
    disabled: false,
    lastSignInAt: null,
    lockedUntil: null,
    ...overrides,
  };
}

const rowOf = (email: string) => screen.getByRole('cell', { name: new RegExp(email) }).closest('tr')!;

describe('the Staff page', () => {
  it('shows until when a member is locked out, and lets an admin lift it with a reason', async () => {
    const user = userEvent.setup();
    let locked = true;
    const requests = mockApi({
      'GET /api/admin/staff': () => ({
        body: [
          aStaffMember(),
          aStaffMember({
            id: LOCKED_ID,
            email: 'helper@example.com',
            role: 'support',
            lockedUntil: locked ? LOCKED_UNTIL : null,
          }),
        ],
      }),
      [`DELETE /api/admin/staff/${LOCKED_ID}/lockout`]: () => {
        locked = false;
        return { body: aStaffMember({ id: LOCKED_ID, email: 'helper@example.com', role: 'support' }) };
      },
    });
    renderPage(<StaffPage />, { url: '/staff', session: aSession('admin') });

    const helper = await waitFor(() => rowOf('helper@example.com'));
    expect(helper).toHaveTextContent(`locked until ${formatDateTime(LOCKED_UNTIL)}`);
    expect(within(rowOf('admin@example.com')).queryByRole('button', { name: 'Lift lockout' })).not.toBeInTheDocument();
    expect(rowOf('admin@example.com')).not.toHaveTextContent('locked until');

    await user.click(within(helper).getByRole('button', { name: 'Lift lockout' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent(formatDateTime(LOCKED_UNTIL));
    await user.type(within(dialog).getByLabelText('Reason'), 'they called from their desk');
    await user.click(within(dialog).getByRole('button', { name: 'Lift lockout' }));

    await waitFor(() => expect(rowOf('helper@example.com')).not.toHaveTextContent('locked until'));
    const lift = requests.find((r) => r.method === 'DELETE');
    expect(lift?.body).toEqual({ reason: 'they called from their desk' });
    expect(lift?.headers.get('x-csrf-token')).toBe('csrf-admin');
    expect(within(rowOf('helper@example.com')).queryByRole('button', { name: 'Lift lockout' })).not.toBeInTheDocument();
  });
});
