import type { UserEvent } from '@gatehouse/domain/events/user-event';
import { EventOutbox } from '@gatehouse/domain/ports/event-outbox.port';
import { randomUUID } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import type { WebhookDelivery } from '../mail/outbox-delivery';
import type { OutboxSettings } from './email-outbox.typeorm-repository';
import { EmailOutboxRecord } from './email-outbox.record';
import { webhookRecord } from './outbox-delivery.mapper';

/** One delivery of an event, with the account it is about (null for a deletion, which outlives it). */
export type QueuedWebhookDelivery = WebhookDelivery & { payload: Buffer; userId: string | null };

/** The deliveries of one event: one per configured URL, none when no webhook is configured. */
export function webhookDeliveries(event: UserEvent, settings: OutboxSettings): QueuedWebhookDelivery[] {
  if (!settings.webhookUrls.length) return [];
  const body = {
    id: randomUUID(),
    type: event.type,
    createdAt: event.occurredAt.toISOString(),
    data: { userId: event.userId, email: event.email, ...(event.delivery && { delivery: event.delivery }) },
  };
  return settings.webhookUrls.map((url) => ({
    channel: 'webhook' as const,
    id: randomUUID(),
    url,
    event: event.type,
    userId: event.type === 'user.deleted' ? null : event.userId,
    payload: settings.cipher.encrypt(body),
  }));
}

/**
 * Lets an account's webhooks still on their way (user.disabled just before a deletion, say) outlive it: they
 * must reach their receivers, so they let go of the account instead of going with it (ON DELETE CASCADE).
 */
export async function releaseWebhooksOf(manager: EntityManager, userId: string): Promise<void> {
  await manager
    .getRepository(EmailOutboxRecord)
    .update({ userId, channel: 'webhook', state: In(['queued', 'sending']) }, { userId: null });
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
    await this.manager
      .getRepository(EmailOutboxRecord)
      .insert(
        deliveries.map(({ userId, ...delivery }) => webhookRecord({ delivery, userId, queuedAt: event.occurredAt })),
      );
  }
}
