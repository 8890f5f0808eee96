import type { UserEvent } from '@gatehouse/domain/events/user-event';
import { EventOutbox } from '@gatehouse/domain/ports/event-outbox.port';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { OutboxSettings } from './email-outbox.typeorm-repository';
import { EmailOutboxRecord } from './email-outbox.record';

/** One outbox row's worth of a webhook: where it goes and the event, encrypted like an email's data. */
export interface WebhookDelivery {
  id: string;
  url: string;
  /** Null for a deletion: its announcement must outlive the row it announces (user_id cascades on delete). */
  userId: string | null;
  payload: Buffer;
}

/** The deliveries of one event: one per configured URL, none when no webhook is configured. */
export function webhookDeliveries(event: UserEvent, settings: OutboxSettings): WebhookDelivery[] {
  if (!settings.webhookUrls.length) return [];
  const body = {
    id: randomUUID(),
    type: event.type,
    createdAt: event.occurredAt.toISOString(),
    data: { userId: event.userId, email: event.email },
  };
  return settings.webhookUrls.map((url) => ({
    id: randomUUID(),
    url,
    userId: event.type === 'user.deleted' ? null : event.userId,
    payload: settings.cipher.encrypt(body),
  }));
}

/**
 * SQL that queues an event's webhook deliveries from inside a larger statement: one row per delivery for each
 * account row `source` (a CTE with an `id` column) returns, none when it returns nothing. The deliveries come
 * as three arrays (ids, URLs, encrypted payloads) named by the caller's placeholders, the event's type and time
 * likewise.
 */
export function webhookRowsFrom(
  source: string,
  p: { type: string; at: string; ids: string; urls: string; payloads: string },
): string {
  return `INSERT INTO email_outbox (id, channel, user_id, template, locale, recipient, recipient_normalized, payload,
      state, attempts, next_attempt_at, message_id, created_at)
    SELECT d.id, 'webhook', ${source}.id, ${p.type}::text, '', d.url, '', d.payload, 'queued', 0, ${p.at}::timestamptz,
      d.id::text, ${p.at}::timestamptz
      FROM ${source} CROSS JOIN unnest(${p.ids}::uuid[], ${p.urls}::text[], ${p.payloads}::bytea[]) AS d(id, url, payload)`;
}

/** Queues one webhook delivery per configured URL, in the caller's transaction, beside the emails. */
export class TypeOrmEventOutbox extends EventOutbox {
  constructor(
    private readonly manager: EntityManager,
    private readonly settings: OutboxSettings,
  ) {
    super();
  }

  async publish(event: UserEvent): Promise<void> {
    const deliveries = webhookDeliveries(event, this.settings);
    if (!deliveries.length) return;
    await this.manager.getRepository(EmailOutboxRecord).insert(
      deliveries.map((delivery) => ({
        id: delivery.id,
        channel: 'webhook' as const,
        userId: delivery.userId,
        template: event.type,
        locale: '',
        recipient: delivery.url,
        recipientNormalized: '',
        payload: delivery.payload,
        state: 'queued' as const,
        attempts: 0,
        nextAttemptAt: event.occurredAt,
        messageId: delivery.id,
        createdAt: event.occurredAt,
      })),
    );
  }
}
