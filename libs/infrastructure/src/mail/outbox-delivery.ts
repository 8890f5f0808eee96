import type { EmailTemplate } from '@gatehouse/domain/mail/outgoing-email';
import type { UserEventType } from '@gatehouse/domain/events/user-event';

/** An email to a person: rendered from its template at send time, in the person's language. */
export interface EmailDelivery {
  channel: 'email';
  id: string;
  /** The address as the person typed it. */
  to: string;
  /** The address's unique key: what the per-address limits and the suppression list go by. */
  addressKey: string;
  template: EmailTemplate;
  locale: string;
  /** The template's data, encrypted (it holds the confirmation secret); null once the email has left. */
  data: Buffer | null;
  /** Stable per delivery, angle brackets included, so a message sent twice is recognisable as one. */
  messageId: string;
}

/**
 * An event POSTed to a configured URL. The signature's inputs are the body and the moment of sending (signed
 * with WEBHOOK_SECRET then, not stored); the delivery's id goes with it, the same on every retry, so a receiver
 * can drop a repeat.
 */
export interface WebhookDelivery {
  channel: 'webhook';
  id: string;
  url: string;
  event: UserEventType;
  /** The event's JSON body, encrypted like an email's data; null once it has been delivered. */
  payload: Buffer | null;
}

/** What the outbox holds: each channel with its own fields. */
export type OutboxDelivery = EmailDelivery | WebhookDelivery;

/** A delivery a worker has claimed, with the attempt it is on (counting this one). */
export interface ClaimedDelivery {
  delivery: OutboxDelivery;
  attempts: number;
}
