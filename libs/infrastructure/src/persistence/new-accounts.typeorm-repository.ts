import { NewAccounts, type NewAccount } from '@gatehouse/domain/ports/new-accounts.port';
import type { DataSource } from 'typeorm';
import { tokenValues } from './confirmation-token.typeorm-repository';
import { queuedEmailValues, type OutboxSettings } from './email-outbox.typeorm-repository';
import { webhookDeliveries } from './event-outbox.typeorm-repository';
import { ADD_USER_IF_ADDRESS_FREE, userValues } from './user.typeorm-repository';

// One statement, so one round trip and no BEGIN or COMMIT of its own: a statement is atomic by itself. The
// user's insert is the repository's own ($1 to $9); every later insert selects from it, so a taken address
// (ON CONFLICT: nothing returned) stores nothing at all. The token's and the email's values come in the
// repositories' orders ($10 to $20, $21 to $29). Built once, at load: this runs for every sign-up (BENCHMARKS.md).
const ADD_IF_ADDRESS_FREE = `
  WITH new_user AS (${ADD_USER_IF_ADDRESS_FREE}
  ), first_token AS (
    INSERT INTO confirmation_tokens (id, user_id, email_normalized, purpose, digest, issued_at, expires_at, used_at,
        superseded_at, code_digest, failed_code_attempts)
    SELECT $10::uuid, $11::uuid, $12::text, $13::text, $14::text, $15::timestamptz, $16::timestamptz,
        $17::timestamptz, $18::timestamptz, $19::text, $20::int
      FROM new_user
  ), first_email AS (
    INSERT INTO email_outbox (id, channel, user_id, template, locale, recipient, recipient_normalized, payload, state,
        attempts, next_attempt_at, message_id, created_at)
    SELECT $21::uuid, 'email', $22::uuid, $23::text, $24::text, $25::text, $26::text, $27::bytea, 'queued', 0,
        $28::timestamptz, $29::text, $28::timestamptz
      FROM new_user
  ), event AS (
    INSERT INTO email_outbox (id, channel, user_id, template, locale, recipient, recipient_normalized, payload, state,
        attempts, next_attempt_at, message_id, created_at)
    SELECT d.id, 'webhook', new_user.id, $30::text, '', d.url, '', d.payload, 'queued', 0, $7, d.id::text, $7
      FROM new_user CROSS JOIN unnest($31::uuid[], $32::text[], $33::bytea[]) AS d(id, url, payload)
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
    const webhooks = webhookDeliveries(event, this.settings);
    const [row]: Array<{ added: number }> = await this.dataSource.query(ADD_IF_ADDRESS_FREE, [
      ...userValues(user),
      ...tokenValues(token),
      ...queuedEmailValues(email, user.createdAt, this.settings),
      event.type,
      webhooks.map((delivery) => delivery.id),
      webhooks.map((delivery) => delivery.url),
      webhooks.map((delivery) => delivery.payload),
    ]);
    return row.added === 1;
  }
}
