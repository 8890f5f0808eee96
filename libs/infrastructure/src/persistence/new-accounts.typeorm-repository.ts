import { NewAccounts, type NewAccount } from '@gatehouse/domain/ports/new-accounts.port';
import type { DataSource } from 'typeorm';
import { tokenValues } from './confirmation-token.typeorm-repository';
import { emailRowFrom, webhookRowsFrom } from './email-outbox.record';
import { queuedEmailValues, type OutboxSettings } from './email-outbox.typeorm-repository';
import { webhookDeliveries } from './event-outbox.typeorm-repository';
import { SIGN_UP_ATTEMPT_COLUMNS, signUpAttemptValues } from './sign-up-attempts.typeorm-repository';
import { ADD_USER_IF_ADDRESS_FREE, userValues } from './user.typeorm-repository';

// One statement, so one round trip and no BEGIN or COMMIT of its own: a statement is atomic by itself. The
// user's insert is the repository's own ($1 to $9); every later insert selects from it, so a taken address
// (ON CONFLICT: nothing returned) stores nothing at all. The token's, the email's and the sign-up's values come
// in the repositories' orders ($10 to $19, $20 to $28, $33 to $37). Built once, at load: this runs for every
// sign-up (BENCHMARKS.md).
const ADD_IF_ADDRESS_FREE = `
  WITH new_user AS (${ADD_USER_IF_ADDRESS_FREE}
  ), first_token AS (
    INSERT INTO confirmation_tokens (id, user_id, email_normalized, purpose, digest, issued_at, expires_at, used_at,
        superseded_at, code_digest)
    SELECT $10::uuid, $11::uuid, $12::text, $13::text, $14::text, $15::timestamptz, $16::timestamptz,
        $17::timestamptz, $18::timestamptz, $19::text
      FROM new_user
  ), first_email AS (
    ${emailRowFrom('new_user', { id: '$20', userId: '$21', template: '$22', locale: '$23', recipient: '$24', recipientNormalized: '$25', payload: '$26', queuedAt: '$27', messageId: '$28' })}
  ), event AS (
    ${webhookRowsFrom('new_user', { type: '$29', at: '$7', ids: '$30', urls: '$31', payloads: '$32' })}
  ), first_sign_up AS (
    INSERT INTO sign_up_attempts (${SIGN_UP_ATTEMPT_COLUMNS})
    SELECT $33::uuid, $34::uuid, $35::text, $36::text, $37::timestamptz FROM new_user
  )
  SELECT count(*)::int AS added FROM new_user`;

/** Opens an account in one statement: the user, its sign-up, its first link, its first email, its webhooks. */
export class TypeOrmNewAccounts extends NewAccounts {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: OutboxSettings,
  ) {
    super();
  }

  async addIfAddressFree({ user, signUp, token, email, event }: NewAccount): Promise<boolean> {
    const webhooks = webhookDeliveries(event, this.settings);
    const [row]: Array<{ added: number }> = await this.dataSource.query(ADD_IF_ADDRESS_FREE, [
      ...userValues(user),
      ...tokenValues(token),
      ...queuedEmailValues(email, user.createdAt, this.settings),
      event.type,
      webhooks.map((delivery) => delivery.id),
      webhooks.map((delivery) => delivery.url),
      webhooks.map((delivery) => delivery.payload),
      ...signUpAttemptValues(signUp),
    ]);
    return row.added === 1;
  }
}
