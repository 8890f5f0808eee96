import { NewAccounts, type NewAccount } from '@gatehouse/domain/ports/new-accounts.port';
import type { DataSource } from 'typeorm';
import { addTokenFrom, TOKEN_VALUES, tokenNamedValues } from './confirmation-token.typeorm-repository';
import { EMAIL_ROW_VALUES, emailRowFrom, webhookRowsFrom } from './email-outbox.record';
import { queuedEmail, type OutboxSettings } from './email-outbox.typeorm-repository';
import { webhookDeliveries } from './event-outbox.typeorm-repository';
import { namedStatement, placeholders, prefixed } from './named-parameters';
import { emailRowValues } from './outbox-delivery.mapper';
import { addSignUpFrom, SIGN_UP_VALUES, signUpNamedValues } from './sign-up-attempts.typeorm-repository';
import { addUserIfAddressFree, USER_VALUES, userNamedValues } from './user.typeorm-repository';

// One statement, so one round trip and no BEGIN or COMMIT of its own: a statement is atomic by itself. Each
// table's part comes from that table's file, in placeholders named for it (:user_id, :token_digest, ...); every
// insert after the user's selects from it, so a taken address (ON CONFLICT: nothing returned) stores nothing at
// all. Built once, at load: this runs for every sign-up (BENCHMARKS.md).
const ADD_IF_ADDRESS_FREE = namedStatement<string>(`
  WITH new_user AS (${addUserIfAddressFree(placeholders('user', USER_VALUES))}
  ), first_sign_up AS (
    ${addSignUpFrom('new_user', placeholders('signUp', SIGN_UP_VALUES))}
  ), first_token AS (
    ${addTokenFrom('new_user', placeholders('token', TOKEN_VALUES))}
  ), first_email AS (
    ${emailRowFrom('new_user', placeholders('email', EMAIL_ROW_VALUES))}
  ), event AS (
    ${webhookRowsFrom('new_user', { type: ':event_type', at: ':user_createdAt', ids: ':event_ids', urls: ':event_urls', payloads: ':event_payloads' })}
  )
  SELECT count(*)::int AS added FROM new_user`);

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
    const [row]: Array<{ added: number }> = await this.dataSource.query(
      ADD_IF_ADDRESS_FREE.text,
      ADD_IF_ADDRESS_FREE.values({
        ...prefixed('user', userNamedValues(user)),
        ...prefixed('signUp', signUpNamedValues(signUp)),
        ...prefixed('token', tokenNamedValues(token)),
        ...prefixed('email', emailRowValues(queuedEmail(email, user.createdAt, this.settings))),
        event_type: event.type,
        event_ids: webhooks.map((delivery) => delivery.id),
        event_urls: webhooks.map((delivery) => delivery.url),
        event_payloads: webhooks.map((delivery) => delivery.payload),
      }),
    );
    return row.added === 1;
  }
}
