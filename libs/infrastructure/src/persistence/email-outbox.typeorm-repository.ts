import type { OutgoingEmail } from '@gatehouse/domain/mail/outgoing-email';
import { EmailOutbox } from '@gatehouse/domain/ports/email-outbox.port';
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
      recipient: email.to.value,
      recipientNormalized: email.to.normalized,
      payload: this.settings.cipher.encrypt(email.data),
      state: 'queued',
      attempts: 0,
      nextAttemptAt: now,
      messageId: `<${id}@${this.settings.messageIdDomain}>`,
      createdAt: now,
    });
  }

  async queuedTimesSince(normalizedAddress: string, since: Date): Promise<Date[]> {
    // Served by email_outbox_recipient_idx (recipient_normalized, created_at DESC).
    const rows: Array<{ created_at: Date }> = await this.manager.query(
      `SELECT created_at FROM email_outbox
        WHERE recipient_normalized = $1 AND channel = 'email' AND created_at >= $2
        ORDER BY created_at`,
      [normalizedAddress, since],
    );
    return rows.map((row) => row.created_at);
  }
}
