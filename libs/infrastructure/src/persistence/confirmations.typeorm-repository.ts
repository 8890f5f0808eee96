import type { ConfirmationCase, ConfirmationDecision } from '@gatehouse/domain/confirmation/confirmation-case';
import { Confirmations } from '@gatehouse/domain/ports/confirmations.port';
import type { SignUpAttempt } from '@gatehouse/domain/users/sign-up-attempt';
import type { DataSource, EntityMetadata } from 'typeorm';
import { tokenToDomain } from './confirmation-token.mapper';
import { ConfirmationTokenRecord } from './confirmation-token.record';
import { webhookRowsFrom } from './email-outbox.record';
import type { OutboxSettings } from './email-outbox.typeorm-repository';
import { webhookDeliveries } from './event-outbox.typeorm-repository';
import { namedStatement } from './named-parameters';
import { SignUpAttemptRecord } from './sign-up-attempt.record';
import { userToDomain } from './user.mapper';
import { UserRecord } from './user.record';

// The write: every part hangs on the one before it, so it applies whole or not at all. `account` locks the
// user's row only if it is still as the decision saw it (a concurrent sign-up or staff change moves
// updated_at; READ COMMITTED re-checks the condition on the newest row once the lock is ours); `used` spends
// the token only while it is unused and not superseded (re-checked likewise, so a resend that superseded it
// meanwhile wins); only then is the account written, its other links superseded, its sign-ups forgotten and
// the event queued. Built once, at load (BENCHMARKS.md: the confirmation's statements are its cost).
const APPLY = namedStatement<
  | 'userId'
  | 'seenStatus'
  | 'seenUpdatedAt'
  | 'tokenId'
  | 'now'
  | 'status'
  | 'passwordHash'
  | 'confirmedAt'
  | 'updatedAt'
  | 'eventType'
  | 'webhookIds'
  | 'webhookUrls'
  | 'webhookPayloads'
>(`
  WITH account AS (
    SELECT id FROM users
     WHERE id = :userId AND status = :seenStatus
       -- Compared as the aggregate read it: a Date holds milliseconds, a row written by SQL's now() microseconds.
       AND date_trunc('milliseconds', updated_at) = :seenUpdatedAt::timestamptz
     FOR UPDATE
  ), used AS (
    UPDATE confirmation_tokens SET used_at = :now::timestamptz
     WHERE id = :tokenId AND used_at IS NULL AND superseded_at IS NULL AND user_id IN (SELECT id FROM account)
    RETURNING user_id AS id
  ), written AS (
    UPDATE users SET status = :status, password_hash = :passwordHash, confirmed_at = :confirmedAt::timestamptz,
        updated_at = :updatedAt::timestamptz
     WHERE id IN (SELECT id FROM used)
    RETURNING id
  ), superseded AS (
    UPDATE confirmation_tokens SET superseded_at = :now::timestamptz
     WHERE user_id IN (SELECT id FROM used) AND id <> :tokenId AND used_at IS NULL AND superseded_at IS NULL
  ), forgotten AS (
    DELETE FROM sign_up_attempts WHERE user_id IN (SELECT id FROM used)
  ), event AS (
    ${webhookRowsFrom('written', { type: ':eventType', at: ':now', ids: ':webhookIds', urls: ':webhookUrls', payloads: ':webhookPayloads' })}
  )
  SELECT count(*)::int AS applied FROM written`);

/** `alias.column AS "prefix.property"` for each column the entity declares: the one list of a table's columns. */
function selectList(metadata: EntityMetadata, alias: string, prefix: string): string {
  return metadata.columns.map((c) => `${alias}.${c.databaseName} AS "${prefix}${c.propertyName}"`).join(', ');
}

/** The entity's properties back out of a row read with `selectList`. */
function recordFrom<T>(row: Record<string, unknown>, metadata: EntityMetadata, prefix: string): T {
  const record: Record<string, unknown> = {};
  for (const column of metadata.columns) record[column.propertyName] = row[`${prefix}${column.propertyName}`];
  return record as T;
}

/**
 * Confirmation's two statements: the case in one read (token, account, the account's live sign-ups as JSON),
 * the decision in one guarded write. The columns come from the tables' entities.
 */
export class TypeOrmConfirmations extends Confirmations {
  private readonly token: EntityMetadata;
  private readonly user: EntityMetadata;
  private readonly findByDigestSql: string;
  private readonly findOutstandingSql: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: OutboxSettings,
  ) {
    super();
    this.token = dataSource.getMetadata(ConfirmationTokenRecord);
    this.user = dataSource.getMetadata(UserRecord);
    const signUp = dataSource.getMetadata(SignUpAttemptRecord);
    const signUpJson = signUp.columns.map((c) => `'${c.propertyName}', s.${c.databaseName}`).join(', ');
    const caseColumns = `${selectList(this.token, 't', 't.')}, ${selectList(this.user, 'u', 'u.')},
      CASE WHEN u.status = 'pending' THEN (
        SELECT coalesce(json_agg(json_build_object(${signUpJson}) ORDER BY s.created_at DESC, s.id DESC), '[]')
          FROM sign_up_attempts s WHERE s.user_id = u.id)
      ELSE '[]' END AS "signUps"`;
    this.findByDigestSql = `SELECT ${caseColumns}
      FROM confirmation_tokens t JOIN users u ON u.id = t.user_id WHERE t.digest = $1`;
    this.findOutstandingSql = `SELECT ${caseColumns}
      FROM users u JOIN confirmation_tokens t ON t.user_id = u.id AND t.used_at IS NULL AND t.superseded_at IS NULL
      WHERE u.email_normalized = $1 ORDER BY t.issued_at DESC LIMIT 1`;
  }

  async findByDigest(digest: string): Promise<ConfirmationCase | null> {
    return this.caseFrom(await this.dataSource.query(this.findByDigestSql, [digest]));
  }

  async findOutstandingForAddress(normalizedAddress: string): Promise<ConfirmationCase | null> {
    return this.caseFrom(await this.dataSource.query(this.findOutstandingSql, [normalizedAddress]));
  }

  async apply({ token, user, seen, event }: ConfirmationDecision): Promise<boolean> {
    const webhooks = event ? webhookDeliveries(event, this.settings) : [];
    const account = user.snapshot();
    const [row]: Array<{ applied: number }> = await this.dataSource.query(
      APPLY.text,
      APPLY.values({
        userId: user.id,
        seenStatus: seen.status,
        seenUpdatedAt: seen.updatedAt,
        tokenId: token.id,
        now: token.usedAt,
        status: account.status,
        passwordHash: account.passwordHash,
        confirmedAt: account.confirmedAt,
        updatedAt: account.updatedAt,
        eventType: event?.type ?? '',
        webhookIds: webhooks.map((delivery) => delivery.id),
        webhookUrls: webhooks.map((delivery) => delivery.url),
        webhookPayloads: webhooks.map((delivery) => delivery.payload),
      }),
    );
    return row.applied === 1;
  }

  private caseFrom(rows: Array<Record<string, unknown>>): ConfirmationCase | null {
    const [row] = rows;
    if (!row) return null;
    const signUps = (row.signUps as Array<Omit<SignUpAttempt, 'createdAt'> & { createdAt: string }>).map((attempt) => ({
      ...attempt,
      createdAt: new Date(attempt.createdAt),
    }));
    return {
      token: tokenToDomain(recordFrom<ConfirmationTokenRecord>(row, this.token, 't.')),
      user: userToDomain(recordFrom<UserRecord>(row, this.user, 'u.')),
      signUps,
    };
  }
}
