/** Who reported an event: a provider's webhook, or a bounce email to BOUNCE_ADDRESS. */
export const DELIVERY_EVENT_SOURCES = ['postmark', 'mailgun', 'sendgrid', 'ses', 'bounce-email'] as const;
export type DeliveryEventSource = (typeof DELIVERY_EVENT_SOURCES)[number];

export const DELIVERY_EVENT_KINDS = ['delivered', 'deferred', 'bounced', 'complained'] as const;
export type DeliveryEventKind = (typeof DELIVERY_EVENT_KINDS)[number];

export type BounceType = 'hard' | 'soft';

/**
 * Which email an event is about: never the recipient's address alone. By the Message-ID Gatehouse set (angle
 * brackets or not, as the provider echoes it), or by the outbox id Gatehouse put where a provider replaces the
 * Message-ID (a metadata header, a VERP return path).
 */
export type EmailReference = { messageId: string } | { outboxId: string };

interface DeliveryEventBase {
  provider: DeliveryEventSource;
  /** The provider's own id for this event: a repeat of the same id is the same event. */
  providerEventId: string;
  email: EmailReference;
  /** When the provider says it happened (not when Gatehouse heard of it). */
  occurredAt: Date;
}

/** What a provider reports about an email after the relay took it. */
export type DeliveryEvent = DeliveryEventBase &
  (
    | { kind: 'delivered' }
    | { kind: 'deferred'; smtpStatus: string | null; diagnostic: string | null }
    | { kind: 'bounced'; bounceType: BounceType; smtpStatus: string | null; diagnostic: string | null }
    | { kind: 'complained'; feedbackType: string | null }
  );

/** A Message-ID as Gatehouse stores it, angle brackets included, however a provider echoes it. */
export function canonicalMessageId(raw: string): string {
  const bare = raw.trim().replace(/^<|>$/g, '');
  return `<${bare}>`;
}
