import type { OutgoingEmail } from '@gatehouse/domain/mail/outgoing-email';
import { EmailOutbox } from '@gatehouse/domain/ports/email-outbox.port';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { OutboxPayloadCipher } from '../mail/outbox-payload.cipher';
import { EMAIL_QUEUED_TIMES, ENQUEUE_EMAIL } from './email-outbox.record';
import { emailRowValues, type QueuedEmail } from './outbox-delivery.mapper';

export interface OutboxSettings {
  cipher: OutboxPayloadCipher;
  /** The right-hand side of every Message-ID, so a message sent twice is recognisable as one. */
  messageIdDomain: string;
  /** Where events are delivered; none configured means no webhook rows at all. */
  webhookUrls: readonly string[];
}

/** An email as it will be queued: a fresh id, the data encrypted, queued now. */
export function queuedEmail(email: OutgoingEmail, now: Date, settings: OutboxSettings): QueuedEmail {
  const id = randomUUID();
  return {
    delivery: {
      channel: 'email',
      id,
      to: email.to.value,
      addressKey: email.to.normalized,
      template: email.template,
      locale: email.locale,
      data: settings.cipher.encrypt(email.data),
      // The Message-ID the email goes out with, the same on every attempt.
      messageId: `<${id}@${settings.messageIdDomain}>`,
    },
    userId: email.userId,
    toNormalized: email.to.normalized,
    queuedAt: now,
  };
}

export class TypeOrmEmailOutbox extends EmailOutbox {
  constructor(
    private readonly manager: EntityManager,
    private readonly settings: OutboxSettings,
  ) {
    super();
  }

  async enqueue(email: OutgoingEmail, now: Date): Promise<void> {
    // Every resend queues one: hand-written, once, in email-outbox.record.ts (BENCHMARKS.md).
    await this.manager.query(
      ENQUEUE_EMAIL.text,
      ENQUEUE_EMAIL.values(emailRowValues(queuedEmail(email, now, this.settings))),
    );
  }

  async queuedTimesSince(normalizedAddress: string, since: Date): Promise<Date[]> {
    const rows: Array<{ createdAt: Date }> = await this.manager.query(
      EMAIL_QUEUED_TIMES.text,
      EMAIL_QUEUED_TIMES.values({ address: normalizedAddress, since }),
    );
    return rows.map((row) => row.createdAt);
  }
}
