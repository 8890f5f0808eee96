import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aDelivery, anAuditEntry, aUserDetail } from '../../../testing/users.factory';
import { UserTimeline } from './user-timeline';

describe('UserTimeline', () => {
  it('lists the events with the failed email’s error and the staff member’s reason', () => {
    render(
      <UserTimeline
        user={aUserDetail({
          deliveries: [aDelivery({ state: 'failed', sentAt: null, attempts: 3, lastError: '550 no such user' })],
          audit: [anAuditEntry({ action: 'user.disable', staffEmail: 'admin@example.com', reason: 'spam' })],
        })}
      />,
    );
    const items = within(screen.getByRole('list', { name: 'What happened, oldest first' })).getAllByRole('listitem');
    expect(items.map((item) => item.querySelector('.timeline__title')?.textContent)).toEqual([
      'Signed up',
      'Confirmation email queued',
      'Confirmation email failed after 3 attempts',
      'Disabled',
    ]);
    expect(items[2]).toHaveTextContent('550 no such user');
    expect(items[3]).toHaveTextContent('by admin@example.com · reason: spam');
  });
});
