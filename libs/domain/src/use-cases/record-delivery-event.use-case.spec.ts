import type { DeliveryEvent } from '../deliverability/delivery-event';
import { SOFT_BOUNCE_WINDOW_MS, SuppressionRule } from '../deliverability/suppression';
import { FixedClock } from '../testing/in-memory-ports';
import { InMemoryDeliveryEvents } from '../testing/in-memory-deliverability-ports';
import { RecordDeliveryEvent } from './record-delivery-event.use-case';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

function setUp(settings: Partial<{ softBounceLimit: number; softBounceSuppressionMs: number }> = {}) {
  const clock = new FixedClock(new Date('2026-03-01T10:00:00Z'));
  const deliveryEvents = new InMemoryDeliveryEvents();
  const rule = new SuppressionRule({
    softBounceLimit: settings.softBounceLimit ?? 3,
    softBounceWindowMs: SOFT_BOUNCE_WINDOW_MS,
    softBounceSuppressionMs: settings.softBounceSuppressionMs ?? DAY,
  });
  const email = {
    outboxId: '30000000-0000-4000-8000-000000000001',
    userId: '40000000-0000-4000-8000-000000000001',
    to: 'Ada@Example.com',
    addressKey: 'ada@example.com',
    messageId: '<30000000-0000-4000-8000-000000000001@gatehouse.test>',
  };
  deliveryEvents.sent(email);
  let sequence = 0;
  const event = (
    kind: 'delivered' | 'hard' | 'soft' | 'complained' | 'deferred',
    overrides: Partial<{ id: string; occurredAt: Date }> = {},
  ): DeliveryEvent => {
    const base = {
      provider: 'postmark' as const,
      providerEventId: overrides.id ?? `event-${++sequence}`,
      email: { messageId: '30000000-0000-4000-8000-000000000001@gatehouse.test' },
      occurredAt: overrides.occurredAt ?? clock.now(),
    };
    if (kind === 'delivered') return { ...base, kind };
    if (kind === 'complained') return { ...base, kind, feedbackType: 'abuse' };
    if (kind === 'deferred') return { ...base, kind, smtpStatus: '4.7.1', diagnostic: 'greylisted' };
    return {
      ...base,
      kind: 'bounced',
      bounceType: kind,
      smtpStatus: kind === 'hard' ? '5.1.1' : '4.2.2',
      diagnostic: kind === 'hard' ? 'user unknown' : 'mailbox full',
    };
  };
  const recorded: string[] = [];
  const metrics = { eventRecorded: (provider: string, kind: string) => void recorded.push(`${provider}:${kind}`) };
  const record = new RecordDeliveryEvent(deliveryEvents, rule, clock, metrics);
  return { clock, store: deliveryEvents.store, event, record, recorded };
}

describe('RecordDeliveryEvent', () => {
  it('records a delivery in the email’s history without suppressing or announcing anything', async () => {
    const { store, event, record } = setUp();
    await expect(record.execute(event('delivered'))).resolves.toEqual({ outcome: 'recorded', suppressed: false });
    expect(store.recordings).toHaveLength(1);
    expect(store.recordings[0].email.outboxId).toBe('30000000-0000-4000-8000-000000000001');
    expect(store.suppressions.size).toBe(0);
    expect(store.announcements).toEqual([]);
  });

  it('suppresses the address’s unique key for good on a hard bounce, and announces email.bounced', async () => {
    const { store, event, record, clock } = setUp();
    await expect(record.execute(event('hard'))).resolves.toEqual({ outcome: 'recorded', suppressed: true });
    const suppression = store.suppressions.get('ada@example.com');
    expect(suppression?.cause).toBe('hard_bounce');
    expect(suppression?.isActiveAt(new Date(clock.now().getTime() + 365 * DAY))).toBe(true);
    expect(suppression?.describe()).toBe('The address bounced for good: 5.1.1 (user unknown).');
    expect(store.announcements).toEqual([
      {
        type: 'email.bounced',
        userId: '40000000-0000-4000-8000-000000000001',
        email: 'Ada@Example.com',
        occurredAt: clock.now(),
        delivery: {
          provider: 'postmark',
          emailId: '30000000-0000-4000-8000-000000000001',
          bounceType: 'hard',
          smtpStatus: '5.1.1',
          diagnostic: 'user unknown',
          suppressed: true,
        },
      },
    ]);
  });

  it('suppresses on a complaint and announces email.complained', async () => {
    const { store, event, record } = setUp();
    await record.execute(event('complained'));
    expect(store.suppressions.get('ada@example.com')?.cause).toBe('complaint');
    expect(store.announcements.map((a) => a.type)).toEqual(['email.complained']);
  });

  it('suppresses after SOFT_BOUNCE_LIMIT soft bounces within 7 days, for SOFT_BOUNCE_SUPPRESSION', async () => {
    const { store, event, record, clock } = setUp({ softBounceLimit: 3, softBounceSuppressionMs: 24 * HOUR });
    await expect(record.execute(event('soft'))).resolves.toEqual({ outcome: 'recorded', suppressed: false });
    clock.advance(3 * DAY);
    await expect(record.execute(event('soft'))).resolves.toEqual({ outcome: 'recorded', suppressed: false });
    clock.advance(3 * DAY);
    await expect(record.execute(event('soft'))).resolves.toEqual({ outcome: 'recorded', suppressed: true });
    const suppression = store.suppressions.get('ada@example.com')!;
    expect(suppression.cause).toBe('soft_bounces');
    expect(suppression.isActiveAt(new Date(clock.now().getTime() + 24 * HOUR - 1))).toBe(true);
    expect(suppression.isActiveAt(new Date(clock.now().getTime() + 24 * HOUR))).toBe(false);
    expect(store.announcements.map((a) => a.delivery?.suppressed)).toEqual([false, false, true]);
  });

  it('does not count soft bounces older than 7 days', async () => {
    const { store, event, record, clock } = setUp({ softBounceLimit: 2 });
    await record.execute(event('soft'));
    clock.advance(7 * DAY + 1);
    await expect(record.execute(event('soft'))).resolves.toEqual({ outcome: 'recorded', suppressed: false });
    expect(store.suppressions.size).toBe(0);
  });

  it('a deferral neither suppresses nor announces', async () => {
    const { store, event, record } = setUp({ softBounceLimit: 1 });
    await record.execute(event('deferred'));
    expect(store.suppressions.size).toBe(0);
    expect(store.announcements).toEqual([]);
  });

  it('counts a repeated event once: nothing changes the second time', async () => {
    const { store, event, record, recorded } = setUp({ softBounceLimit: 2 });
    await record.execute(event('soft', { id: 'same' }));
    await expect(record.execute(event('soft', { id: 'same' }))).resolves.toEqual({ outcome: 'repeated' });
    expect(store.recordings).toHaveLength(1);
    // The metric counts events, not deliveries of them.
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatch(/:bounced$/);
    expect(store.suppressions.size).toBe(0);
    expect(store.announcements).toHaveLength(1);
  });

  it('a timed suppression never shortens a lasting one', async () => {
    const { store, event, record } = setUp({ softBounceLimit: 1 });
    await record.execute(event('hard'));
    await record.execute(event('soft'));
    expect(store.suppressions.get('ada@example.com')?.until).toBeNull();
  });

  it('ignores an event about an email Gatehouse did not send', async () => {
    const { store, record, event } = setUp();
    const stranger = { ...event('hard'), email: { messageId: '<someone-else@elsewhere.test>' } };
    await expect(record.execute(stranger)).resolves.toEqual({ outcome: 'unknown_email' });
    expect(store.recordings).toEqual([]);
    expect(store.suppressions.size).toBe(0);
  });
});
