import type { OutgoingEmail } from '@gatehouse/domain/mail/outgoing-email';
import { EmailOutbox } from '@gatehouse/domain/ports/email-outbox.port';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { OutboxPayloadCipher } from '../mail/outbox-payload.cipher';

export interface OutboxSettings {
  cipher: OutboxPayloadCipher;
  /** The right-hand side of every Message-ID, so a message sent twice is recognisable as one. */
  messageIdDomain: string;
  /** Where events are delivered; none configured means no webhook rows at all. */
  webhookUrls: readonly string[];
}

// Every sign-up queues an email: written by hand, once, as TypeORM's insert builder costs more CPU than
// PostgreSQL spends on the row (BENCHMARKS.md). Queued, due now, created now.
const ENQUEUE_EMAIL = `INSERT INTO email_outbox (id, channel, user_id, template, locale, recipient, recipient_normalized,
    payload, state, attempts, next_attempt_at, message_id, created_at)
  VALUES ($1, 'email', $2, $3, $4, $5, $6, $7, 'queued', 0, $8, $9, $8)`;

/** A new row's values as $1 to $9 of ENQUEUE_EMAIL: a fresh id, the data encrypted, due and created now. */
export function queuedEmailValues(email: OutgoingEmail, now: Date, settings: OutboxSettings): unknown[] {
  const id = randomUUID();
  return [
    id,
    email.userId,
    email.template,
    email.locale,
    email.to.value,
    email.to.normalized,
    settings.cipher.encrypt(email.data),
    now,
    // The Message-ID the email goes out with, the same on every attempt.
    `<${id}@${settings.messageIdDomain}>`,
  ];
}

export class TypeOrmEmailOutbox extends EmailOutbox {
  constructor(
    private readonly manager: EntityManager,
    private readonly settings: OutboxSettings,
  ) {
    super();
  }

  async enqueue(email: OutgoingEmail, now: Date): Promise<void> {
    await this.manager.query(ENQUEUE_EMAIL, queuedEmailValues(email, now, this.settings));
  }

  async queuedTimesSince(normalizedAddress: string, since: Date): Promise<Date[]> {
    // Served by email_outbox_recipient_idx (recipient_normalized, created_at DESC). A failed email (the worker
    // gave up on it) was never delivered and does not count; every other state is sent or still on its way.
    const rows: Array<{ created_at: Date }> = await this.manager.query(
      `SELECT created_at FROM email_outbox
        WHERE recipient_normalized = $1 AND channel = 'email' AND created_at >= $2
          AND state IN ('queued', 'sending', 'sent')
        ORDER BY created_at`,
      [normalizedAddress, since],
    );
    return rows.map((row) => row.created_at);
  }
}
