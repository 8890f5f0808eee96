import type { UserEvent } from '@gatehouse/domain/events/user-event';
import { EventOutbox } from '@gatehouse/domain/ports/event-outbox.port';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { OutboxSettings } from './email-outbox.typeorm-repository';
import { EmailOutboxRecord } from './email-outbox.record';

/** Queues one webhook delivery per configured URL, in the caller's transaction, beside the emails. */
export class TypeOrmEventOutbox extends EventOutbox {
  constructor(
    private readonly manager: EntityManager,
    private readonly settings: OutboxSettings,
  ) {
    super();
  }

  async publish(event: UserEvent): Promise<void> {
    if (!this.settings.webhookUrls.length) return;
    const eventId = randomUUID();
    const body = {
      id: eventId,
      type: event.type,
      createdAt: event.occurredAt.toISOString(),
      data: { userId: event.userId, email: event.email },
    };
    const rows = this.settings.webhookUrls.map((url) => {
      const id = randomUUID();
      return {
        id,
        channel: 'webhook' as const,
        // The announcement of a deletion must outlive the row it announces (user_id cascades on delete).
        userId: event.type === 'user.deleted' ? null : event.userId,
        template: event.type,
        locale: '',
        recipient: url,
        recipientNormalized: '',
        payload: this.settings.cipher.encrypt(body),
        state: 'queued' as const,
        attempts: 0,
        nextAttemptAt: event.occurredAt,
        messageId: id,
        createdAt: event.occurredAt,
      };
    });
    await this.manager.getRepository(EmailOutboxRecord).insert(rows);
  }
}
