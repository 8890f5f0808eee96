import type { OutgoingEmail } from '@gatehouse/domain/mail/outgoing-email';
import { EmailOutbox } from '@gatehouse/domain/ports/email-outbox.port';
import { Email } from '@gatehouse/domain/users/email.value-object';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { OutboxPayloadCipher } from '../mail/outbox-payload.cipher';
import { EmailOutboxRecord } from './email-outbox.record';

export interface OutboxSettings {
  cipher: OutboxPayloadCipher;
  /** The right-hand side of every Message-ID, so a message sent twice is recognisable as one. */
  messageIdDomain: string;
  /** Where events are delivered; none configured means no webhook rows at all. */
  webhookUrls: readonly string[];
}

export class TypeOrmEmailOutbox extends EmailOutbox {
  constructor(
    private readonly manager: EntityManager,
    private readonly settings: OutboxSettings,
  ) {
    super();
  }

  async enqueue(email: OutgoingEmail, now: Date): Promise<void> {
    const id = randomUUID();
    await this.manager.getRepository(EmailOutboxRecord).insert({
      id,
      channel: 'email',
      userId: email.userId,
      template: email.template,
      locale: email.locale,
      recipient: email.to,
      recipientNormalized: Email.normalize(email.to),
      payload: this.settings.cipher.encrypt(email.data),
      state: 'queued',
      attempts: 0,
      nextAttemptAt: now,
      messageId: `<${id}@${this.settings.messageIdDomain}>`,
      createdAt: now,
    });
  }

  async lastQueuedAt(normalizedAddress: string): Promise<Date | null> {
    const row = await this.manager
      .getRepository(EmailOutboxRecord)
      .createQueryBuilder('outbox')
      .select('MAX(outbox.createdAt)', 'last')
      .where('outbox.recipientNormalized = :normalizedAddress', { normalizedAddress })
      .andWhere("outbox.channel = 'email'")
      .getRawOne<{ last: Date | null }>();
    return row?.last ?? null;
  }
}
