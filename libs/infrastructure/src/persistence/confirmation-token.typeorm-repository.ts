import type { ConfirmationToken } from '@gatehouse/domain/confirmation/confirmation-token';
import { ConfirmationTokenRepository } from '@gatehouse/domain/ports/confirmation-token.repository.port';
import type { EntityManager } from 'typeorm';
import { tokenToRecord } from './confirmation-token.mapper';

// Sign-up and resend write their SQL by hand, once: TypeORM's query builder costs more CPU per statement than
// PostgreSQL spends running it (BENCHMARKS.md). The one-statement sign-up binds tokenValues as they are; reads
// are the confirmation's (confirmations.typeorm-repository.ts), in the columns the record declares.
const ADD = `INSERT INTO confirmation_tokens (id, user_id, email_normalized, purpose, digest, issued_at, expires_at, used_at,
    superseded_at, code_digest)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`;
const SUPERSEDE_OUTSTANDING = `UPDATE confirmation_tokens SET superseded_at = $2
  WHERE user_id = $1 AND used_at IS NULL AND superseded_at IS NULL`;

/** The token's columns as $1 to $10 of ADD, in its column order. */
export function tokenValues(token: ConfirmationToken): unknown[] {
  const r = tokenToRecord(token);
  return [
    r.id,
    r.userId,
    r.emailNormalized,
    r.purpose,
    r.digest,
    r.issuedAt,
    r.expiresAt,
    r.usedAt,
    r.supersededAt,
    r.codeDigest,
  ];
}

export class TypeOrmConfirmationTokenRepository extends ConfirmationTokenRepository {
  constructor(private readonly manager: EntityManager) {
    super();
  }

  async add(token: ConfirmationToken): Promise<void> {
    await this.manager.query(ADD, tokenValues(token));
  }

  async supersedeOutstanding(userId: string, now: Date): Promise<void> {
    await this.manager.query(SUPERSEDE_OUTSTANDING, [userId, now]);
  }
}
