import type { ConfirmationToken } from '@gatehouse/domain/confirmation/confirmation-token';
import { ConfirmationTokenRepository } from '@gatehouse/domain/ports/confirmation-token.repository.port';
import { IsNull, type EntityManager } from 'typeorm';
import { affectedRows } from './affected-rows';
import { tokenToDomain, tokenToRecord } from './confirmation-token.mapper';
import { ConfirmationTokenRecord } from './confirmation-token.record';

// Sign-up and confirmation write their SQL by hand, once: TypeORM's query builder costs more CPU per statement
// than PostgreSQL spends running it (BENCHMARKS.md). Columns come back under the record's property names, so
// a row is a ConfirmationTokenRecord as the mapper knows it.
const TOKEN_COLUMNS = `id, user_id AS "userId", email_normalized AS "emailNormalized", purpose, digest,
  issued_at AS "issuedAt", expires_at AS "expiresAt", used_at AS "usedAt", superseded_at AS "supersededAt",
  code_digest AS "codeDigest"`;
const FIND_BY_DIGEST = `SELECT ${TOKEN_COLUMNS} FROM confirmation_tokens WHERE digest = $1`;
const ADD = `INSERT INTO confirmation_tokens (id, user_id, email_normalized, purpose, digest, issued_at, expires_at, used_at,
    superseded_at, code_digest)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`;
// The guard makes single use hold in the database itself, whatever the caller read before.
const CONSUME = `UPDATE confirmation_tokens SET used_at = $2 WHERE id = $1 AND used_at IS NULL AND superseded_at IS NULL`;
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

  async findByDigest(digest: string): Promise<ConfirmationToken | null> {
    const [record]: ConfirmationTokenRecord[] = await this.manager.query(FIND_BY_DIGEST, [digest]);
    return record ? tokenToDomain(record) : null;
  }

  async findNewestOutstanding(userId: string): Promise<ConfirmationToken | null> {
    const record = await this.manager.getRepository(ConfirmationTokenRecord).findOne({
      where: { userId, usedAt: IsNull(), supersededAt: IsNull() },
      order: { issuedAt: 'DESC' },
    });
    return record ? tokenToDomain(record) : null;
  }

  async consume(tokenId: string, now: Date): Promise<boolean> {
    return (await affectedRows(this.manager, CONSUME, [tokenId, now])) === 1;
  }
}
