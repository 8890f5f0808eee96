import { NewAccounts, type NewAccount } from '@gatehouse/domain/ports/new-accounts.port';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { tokenToRecord } from './confirmation-token.mapper';
import { messageIdFor, type OutboxSettings } from './email-outbox.typeorm-repository';
import { webhookDeliveries } from './event-outbox.typeorm-repository';
import { userToRecord } from './user.mapper';

// One statement, so one round trip and no BEGIN or COMMIT of its own: a statement is atomic by itself. Every
// later insert selects from the user's, so a taken address (ON CONFLICT: nothing returned) stores nothing at
// all. Built once, at load: this runs for every sign-up (BENCHMARKS.md).
const ADD_IF_ADDRESS_FREE = `
  WITH new_user AS (
    INSERT INTO users (id, email, email_normalized, password_hash, status, locale, created_at, confirmed_at, updated_at)
    VALUES ($1::uuid, $2::text, $3::text, $4::text, $5::text, $6::text, $7::timestamptz, $8::timestamptz, $9::timestamptz)
    ON CONFLICT (email_normalized) DO NOTHING
    RETURNING id
  ), first_token AS (
    INSERT INTO confirmation_tokens (id, user_id, email_normalized, purpose, digest, issued_at, expires_at, used_at,
        superseded_at, code_digest, failed_code_attempts)
    SELECT $10::uuid, id, $11::text, $12::text, $13::text, $14::timestamptz, $15::timestamptz, NULL, NULL, $16::text, 0
      FROM new_user
  ), first_email AS (
    INSERT INTO email_outbox (id, channel, user_id, template, locale, recipient, recipient_normalized, payload, state,
        attempts, next_attempt_at, message_id, created_at)
    SELECT $17::uuid, 'email', id, $18::text, $19::text, $20::text, $21::text, $22::bytea, 'queued', 0, $7, $23::text, $7
      FROM new_user
  ), event AS (
    INSERT INTO email_outbox (id, channel, user_id, template, locale, recipient, recipient_normalized, payload, state,
        attempts, next_attempt_at, message_id, created_at)
    SELECT d.id, 'webhook', new_user.id, $24::text, '', d.url, '', d.payload, 'queued', 0, $7, d.id::text, $7
      FROM new_user CROSS JOIN unnest($25::uuid[], $26::text[], $27::bytea[]) AS d(id, url, payload)
  )
  SELECT count(*)::int AS added FROM new_user`;

/** Opens an account in one statement: the user, its first link, its first email, its webhooks. */
export class TypeOrmNewAccounts extends NewAccounts {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: OutboxSettings,
  ) {
    super();
  }

  async addIfAddressFree({ user, token, email, event }: NewAccount): Promise<boolean> {
    const u = userToRecord(user);
    const t = tokenToRecord(token);
    const emailId = randomUUID();
    const webhooks = webhookDeliveries(event, this.settings);
    const [row]: Array<{ added: number }> = await this.dataSource.query(ADD_IF_ADDRESS_FREE, [
      u.id,
      u.email,
      u.emailNormalized,
      u.passwordHash,
      u.status,
      u.locale,
      u.createdAt,
      u.confirmedAt,
      u.updatedAt,
      t.id,
      t.emailNormalized,
      t.purpose,
      t.digest,
      t.issuedAt,
      t.expiresAt,
      t.codeDigest,
      emailId,
      email.template,
      email.locale,
      email.to.value,
      email.to.normalized,
      this.settings.cipher.encrypt(email.data),
      messageIdFor(emailId, this.settings),
      event.type,
      webhooks.map((delivery) => delivery.id),
      webhooks.map((delivery) => delivery.url),
      webhooks.map((delivery) => delivery.payload),
    ]);
    return row.added === 1;
  }
}
