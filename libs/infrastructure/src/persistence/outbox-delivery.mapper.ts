import type { EmailTemplate } from '@gatehouse/domain/mail/outgoing-email';
import type { UserEventType } from '@gatehouse/domain/events/user-event';
import type { ClaimedDelivery, EmailDelivery, OutboxDelivery, WebhookDelivery } from '../mail/outbox-delivery';
import type { ClaimedOutboxRow, EmailOutboxRecord, EmailRowValue } from './email-outbox.record';

// The one place that knows what the outbox table's shared columns mean for each channel (the record says it too).
// Everything else sees an EmailDelivery or a WebhookDelivery, each with its own fields.

/** An email about to be queued: the delivery, with what only the row needs (its owner, its limits key). */
export interface QueuedEmail {
  delivery: EmailDelivery;
  userId: string;
  /** The address as the per-address limits count it. */
  toNormalized: string;
  queuedAt: Date;
}

/** A webhook delivery about to be queued. */
export interface QueuedWebhook {
  delivery: WebhookDelivery;
  /** Null for a deletion: its announcement must outlive the row it announces (user_id cascades on delete). */
  userId: string | null;
  queuedAt: Date;
}

/** A row, in either channel's terms. */
export function deliveryFromRow(row: Omit<ClaimedOutboxRow, 'attempts'>): OutboxDelivery {
  if (row.channel === 'webhook') {
    return {
      channel: 'webhook',
      id: row.id,
      url: row.recipient,
      // Written only from a UserEvent's type (webhookRowsFrom, webhookRecord).
      event: row.template as UserEventType,
      payload: row.payload,
    };
  }
  return {
    channel: 'email',
    id: row.id,
    to: row.recipient,
    addressKey: row.recipientNormalized,
    // Written only from an OutgoingEmail's template (emailRowValues); the composer refuses any other.
    template: row.template as EmailTemplate,
    locale: row.locale,
    data: row.payload,
    messageId: row.messageId,
  };
}

export function claimedFromRow(row: ClaimedOutboxRow): ClaimedDelivery {
  return { delivery: deliveryFromRow(row), attempts: row.attempts };
}

/** An email's row values, by the names ENQUEUE_EMAIL and emailRowFrom bind. */
export function emailRowValues({
  delivery,
  userId,
  toNormalized,
  queuedAt,
}: QueuedEmail): Record<EmailRowValue, unknown> {
  return {
    id: delivery.id,
    userId,
    template: delivery.template,
    locale: delivery.locale,
    recipient: delivery.to,
    recipientNormalized: toNormalized,
    payload: delivery.data,
    queuedAt,
    messageId: delivery.messageId,
  };
}

/** A webhook's row, for TypeORM's insert: queued, due when queued, never tried. */
export function webhookRecord({ delivery, userId, queuedAt }: QueuedWebhook): EmailOutboxRecord {
  return {
    id: delivery.id,
    channel: 'webhook',
    userId,
    template: delivery.event,
    locale: '',
    recipient: delivery.url,
    recipientNormalized: '',
    payload: delivery.payload,
    state: 'queued',
    attempts: 0,
    nextAttemptAt: queuedAt,
    lastError: null,
    // A receiver drops a repeat by the delivery's id; the column keeps it beside the emails' Message-IDs.
    messageId: delivery.id,
    smtpResponse: null,
    createdAt: queuedAt,
    sentAt: null,
  };
}
