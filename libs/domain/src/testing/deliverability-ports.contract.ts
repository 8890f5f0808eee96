import type { DeliveryEvent } from '../deliverability/delivery-event';
import { Suppression } from '../deliverability/suppression';
import type { DeliveryEvents, EmailOnRecord } from '../ports/delivery-events.port';

/** What the contract needs of an implementation: the port, a way to send an email, and a way to read suppressions. */
export interface DeliverabilityPortsUnderTest {
  deliveryEvents: DeliveryEvents;
  /** Puts a sent email on record (the outbox row, its account) and returns it with its Message-ID. */
  sentEmail(address: string): Promise<EmailOnRecord & { messageId: string }>;
  suppressionOf(addressKey: string): Promise<Suppression | null>;
}

let sequence = 0;
const unique = () => `${Date.now().toString(36)}-${++sequence}`;
const at = (iso: string) => new Date(iso);

function aBounce(
  email: EmailOnRecord,
  overrides: Partial<{ id: string; occurredAt: Date; type: 'hard' | 'soft' }> = {},
): DeliveryEvent {
  return {
    provider: 'postmark',
    providerEventId: overrides.id ?? unique(),
    email: { outboxId: email.outboxId },
    occurredAt: overrides.occurredAt ?? at('2026-03-01T10:00:00Z'),
    kind: 'bounced',
    bounceType: overrides.type ?? 'soft',
    smtpStatus: '4.2.2',
    diagnostic: 'mailbox full',
  };
}

function aSuppression(addressKey: string, until: Date | null): Suppression {
  return Suppression.restore({
    addressKey,
    cause: until ? 'soft_bounces' : 'hard_bounce',
    smtpStatus: '5.1.1',
    diagnostic: 'no such user',
    since: at('2026-03-01T10:00:00Z'),
    until,
  });
}

/**
 * The behaviour RecordDeliveryEvent relies on from the DeliveryEvents port, run against the in-memory fake
 * (libs/domain/src/testing) and the PostgreSQL adapter (libs/infrastructure), so the fake cannot drift.
 */
export function describeDeliverabilityPortsContract(name: string, ports: () => DeliverabilityPortsUnderTest): void {
  describe(`${name}: the deliverability ports`, () => {
    it('finds a sent email by its Message-ID, with or without angle brackets, and by its outbox id', async () => {
      const sent = await ports().sentEmail(`find-${unique()}@example.com`);
      const { messageId, ...email } = sent;
      await expect(ports().deliveryEvents.findEmail({ messageId })).resolves.toEqual(email);
      await expect(ports().deliveryEvents.findEmail({ messageId: messageId.slice(1, -1) })).resolves.toEqual(email);
      await expect(ports().deliveryEvents.findEmail({ outboxId: email.outboxId })).resolves.toEqual(email);
      await expect(
        ports().deliveryEvents.findEmail({ messageId: '<00000000-0000-4000-8000-000000000000@elsewhere.test>' }),
      ).resolves.toBeNull();
    });

    it('records an event once per provider event id, and applies nothing on a repeat', async () => {
      const email = await ports().sentEmail(`repeat-${unique()}@example.com`);
      const event = aBounce(email, { type: 'hard' });
      const recording = {
        event,
        email,
        receivedAt: at('2026-03-01T10:00:01Z'),
        suppression: null,
        announcement: null,
      };
      await expect(ports().deliveryEvents.record(recording)).resolves.toBe(true);
      await expect(
        ports().deliveryEvents.record({ ...recording, suppression: aSuppression(email.addressKey, null) }),
      ).resolves.toBe(false);
      await expect(ports().suppressionOf(email.addressKey)).resolves.toBeNull();
    });

    it('counts the soft bounces to an address from a moment on', async () => {
      const email = await ports().sentEmail(`soft-${unique()}@example.com`);
      for (const day of ['01', '03', '05']) {
        await ports().deliveryEvents.record({
          event: aBounce(email, { occurredAt: at(`2026-03-${day}T10:00:00Z`) }),
          email,
          receivedAt: at(`2026-03-${day}T10:00:00Z`),
          suppression: null,
          announcement: null,
        });
      }
      await expect(ports().deliveryEvents.softBouncesSince(email.addressKey, at('2026-03-03T10:00:00Z'))).resolves.toBe(
        2,
      );
      await expect(
        ports().deliveryEvents.softBouncesSince('nobody@example.com', at('2026-01-01T00:00:00Z')),
      ).resolves.toBe(0);
    });

    it('keeps the longer suppression: a lasting one is never shortened by a timed one', async () => {
      const email = await ports().sentEmail(`keep-${unique()}@example.com`);
      const record = (until: Date | null) =>
        ports().deliveryEvents.record({
          event: aBounce(email),
          email,
          receivedAt: at('2026-03-01T10:00:00Z'),
          suppression: aSuppression(email.addressKey, until),
          announcement: null,
        });
      await record(at('2026-03-02T10:00:00Z'));
      expect((await ports().suppressionOf(email.addressKey))?.until).toEqual(at('2026-03-02T10:00:00Z'));
      await record(null);
      await record(at('2026-03-09T10:00:00Z'));
      const kept = await ports().suppressionOf(email.addressKey);
      expect(kept?.until).toBeNull();
      expect(kept?.cause).toBe('hard_bounce');
    });
  });
}
