import { describe, expect, it } from 'vitest';
import { aDelivery, anAuditEntry, aUserDetail } from '../../../testing/users.factory';
import { buildTimeline } from './build-timeline';

describe('buildTimeline', () => {
  it('merges the sign-up, each email, the confirmation and staff actions, oldest first', () => {
    const timeline = buildTimeline(
      aUserDetail({
        createdAt: '2026-05-01T10:00:00.000Z',
        confirmedAt: '2026-05-03T08:00:00.000Z',
        status: 'active',
        deliveries: [
          aDelivery({
            createdAt: '2026-05-01T10:00:00.000Z',
            state: 'failed',
            attempts: 8,
            lastError: '550 mailbox unavailable',
            sentAt: null,
          }),
          aDelivery({ createdAt: '2026-05-02T09:00:00.000Z', sentAt: '2026-05-02T09:00:03.000Z' }),
          aDelivery({ channel: 'webhook', template: 'user.registered', createdAt: '2026-05-01T10:00:00.000Z' }),
        ],
        // The API lists audit entries newest first.
        audit: [
          anAuditEntry({ action: 'user.confirm', reason: 'verified by phone', createdAt: '2026-05-03T08:00:00.000Z' }),
          anAuditEntry({
            staffEmail: 'support@example.com',
            reason: 'ticket 17',
            createdAt: '2026-05-02T09:00:00.000Z',
          }),
        ],
      }),
    );
    expect(timeline.map((event) => [event.at, event.title])).toEqual([
      ['2026-05-01T10:00:00.000Z', 'Signed up'],
      ['2026-05-01T10:00:00.000Z', 'Confirmation email queued'],
      ['2026-05-01T10:00:00.000Z', 'Confirmation email failed after 8 attempts'],
      ['2026-05-02T09:00:00.000Z', 'Confirmation email queued'],
      ['2026-05-02T09:00:00.000Z', 'Confirmation email resent by staff'],
      ['2026-05-02T09:00:03.000Z', 'Confirmation email sent'],
      ['2026-05-03T08:00:00.000Z', 'Confirmed by hand'],
      ['2026-05-03T08:00:00.000Z', 'Confirmed the address'],
    ]);
    expect(timeline[2]).toMatchObject({ tone: 'danger', detail: '550 mailbox unavailable' });
    expect(timeline[4]).toMatchObject({ actor: 'support@example.com', reason: 'ticket 17' });
    expect(timeline.some((event) => event.title.includes('user.registered'))).toBe(false);
  });

  it('shows an email still being tried with its attempts and last error', () => {
    const [, , waiting] = buildTimeline(
      aUserDetail({
        deliveries: [
          aDelivery({
            state: 'queued',
            sentAt: null,
            attempts: 2,
            lastError: 'connection refused',
            nextAttemptAt: '2026-05-01T10:05:00.000Z',
          }),
        ],
      }),
    );
    expect(waiting).toMatchObject({ title: 'Confirmation email waiting to be sent', tone: 'danger' });
    expect(waiting?.detail).toMatch(/2 attempts so far; next attempt .*Last error: connection refused/);
  });

  it('says an email just queued was not tried yet', () => {
    const [, , waiting] = buildTimeline(
      aUserDetail({ deliveries: [aDelivery({ state: 'queued', sentAt: null, attempts: 0 })] }),
    );
    expect(waiting).toMatchObject({ tone: 'info', detail: 'Not tried yet' });
  });

  it('has only the sign-up for someone nothing has happened to yet', () => {
    expect(buildTimeline(aUserDetail()).map((event) => event.title)).toEqual(['Signed up']);
  });
});

describe('buildTimeline: what providers reported', () => {
  it('shows a bounce with its reason in plain words, and a lifted suppression', () => {
    const email = aDelivery({ createdAt: '2026-05-01T10:00:00.000Z', sentAt: '2026-05-01T10:00:05.000Z' });
    const timeline = buildTimeline(
      aUserDetail({
        deliveries: [email],
        deliveryEvents: [
          {
            id: 'e1',
            emailId: email.id,
            provider: 'ses',
            kind: 'bounced',
            bounceType: 'hard',
            smtpStatus: '5.1.1',
            diagnostic: '550 5.1.1 user unknown',
            description: 'the mailbox does not exist: 550 5.1.1',
            occurredAt: '2026-05-01T10:01:00.000Z',
            receivedAt: '2026-05-01T10:01:02.000Z',
          },
        ],
        audit: [
          anAuditEntry({
            action: 'user.suppression_lifted',
            staffEmail: 'support@example.com',
            reason: 'mailbox recreated',
            createdAt: '2026-05-02T09:00:00.000Z',
          }),
        ],
      }),
    );
    expect(timeline.slice(-2).map(({ title, detail, tone }) => ({ title, detail, tone }))).toEqual([
      {
        title: 'Confirmation email: Bounced (hard), reported by Amazon SES',
        detail: 'the mailbox does not exist: 550 5.1.1',
        tone: 'danger',
      },
      { title: 'Suppression lifted: emails go to the address again', detail: undefined, tone: 'staff' },
    ]);
  });
});
