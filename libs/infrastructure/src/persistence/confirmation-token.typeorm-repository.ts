import type { ConfirmationToken } from '@gatehouse/domain/confirmation/confirmation-token';
import { ConfirmationTokenRepository } from '@gatehouse/domain/ports/confirmation-token.repository.port';
import type { EntityManager } from 'typeorm';
import { tokenToRecord } from './confirmation-token.mapper';
import { namedStatement, placeholders } from './named-parameters';

// Sign-up and resend write their SQL by hand, once: TypeORM's query builder costs more CPU per statement than
// PostgreSQL spends running it (BENCHMARKS.md). The one-statement sign-up embeds addTokenFrom with its own
// placeholders; reads are the confirmation's (confirmations.typeorm-repository.ts), in the record's columns.
const SUPERSEDE_OUTSTANDING = `UPDATE confirmation_tokens SET superseded_at = $2
  WHERE user_id = $1 AND used_at IS NULL AND superseded_at IS NULL`;

/** The token's values by name, as its record holds them. */
export const TOKEN_VALUES = [
  'id',
  'userId',
  'emailNormalized',
  'purpose',
  'digest',
  'issuedAt',
  'expiresAt',
  'usedAt',
  'supersededAt',
  'codeDigest',
] as const;
export type TokenValue = (typeof TOKEN_VALUES)[number];

export function tokenNamedValues(token: ConfirmationToken): Record<TokenValue, unknown> {
  const record = tokenToRecord(token);
  return Object.fromEntries(TOKEN_VALUES.map((name) => [name, record[name]])) as Record<TokenValue, unknown>;
}

/** Stores a token, once for each row `source` returns (once when there is no source), in the caller's placeholders. */
export function addTokenFrom(source: string | null, p: Record<TokenValue, string>): string {
  return `INSERT INTO confirmation_tokens (id, user_id, email_normalized, purpose, digest, issued_at, expires_at,
      used_at, superseded_at, code_digest)
    SELECT ${p.id}::uuid, ${p.userId}::uuid, ${p.emailNormalized}::text, ${p.purpose}::text, ${p.digest}::text,
      ${p.issuedAt}::timestamptz, ${p.expiresAt}::timestamptz, ${p.usedAt}::timestamptz, ${p.supersededAt}::timestamptz,
      ${p.codeDigest}::text${source ? `\n      FROM ${source}` : ''}`;
}

const ADD = namedStatement<TokenValue>(addTokenFrom(null, placeholders('', TOKEN_VALUES)));

export class TypeOrmConfirmationTokenRepository extends ConfirmationTokenRepository {
  constructor(private readonly manager: EntityManager) {
    super();
  }

  async add(token: ConfirmationToken): Promise<void> {
    await this.manager.query(ADD.text, ADD.values(tokenNamedValues(token)));
  }

  async supersedeOutstanding(userId: string, now: Date): Promise<void> {
    await this.manager.query(SUPERSEDE_OUTSTANDING, [userId, now]);
  }
}
