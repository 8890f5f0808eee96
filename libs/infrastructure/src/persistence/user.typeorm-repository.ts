import { UserRepository } from '@gatehouse/domain/ports/user.repository.port';
import type { Email } from '@gatehouse/domain/users/email.value-object';
import type { User } from '@gatehouse/domain/users/user.entity';
import type { EntityManager } from 'typeorm';
import { releaseWebhooksOf } from './event-outbox.typeorm-repository';
import { userToDomain, userToRecord } from './user.mapper';
import { UserRecord } from './user.record';

// Hot paths (sign-up, confirmation) write their SQL by hand, once: TypeORM's query builder costs more CPU per
// statement than PostgreSQL spends running it (BENCHMARKS.md). Columns come back under the record's property
// names, so a row is a UserRecord as the mapper knows it.
const USER_COLUMNS = `id, email, email_normalized AS "emailNormalized", password_hash AS "passwordHash", status, locale,
  created_at AS "createdAt", confirmed_at AS "confirmedAt", updated_at AS "updatedAt"`;
const FIND_BY_ID_FOR_UPDATE = `SELECT ${USER_COLUMNS} FROM users WHERE id = $1 FOR UPDATE`;
const FIND_BY_EMAIL_FOR_UPDATE = `SELECT ${USER_COLUMNS} FROM users WHERE email_normalized = $1 FOR UPDATE`;
const SAVE = `UPDATE users SET email = $2, email_normalized = $3, password_hash = $4, status = $5, locale = $6,
  created_at = $7, confirmed_at = $8, updated_at = $9 WHERE id = $1`;
// ON CONFLICT waits for a concurrent insert of the same address to commit, then skips: one row, no error.
export const ADD_USER_IF_ADDRESS_FREE = `INSERT INTO users (id, email, email_normalized, password_hash, status, locale,
    created_at, confirmed_at, updated_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
  ON CONFLICT (email_normalized) DO NOTHING
  RETURNING id`;

/** The user's columns as $1 to $9 of SAVE and ADD_USER_IF_ADDRESS_FREE. */
export function userValues(user: User): unknown[] {
  const r = userToRecord(user);
  return [
    r.id,
    r.email,
    r.emailNormalized,
    r.passwordHash,
    r.status,
    r.locale,
    r.createdAt,
    r.confirmedAt,
    r.updatedAt,
  ];
}

export class TypeOrmUserRepository extends UserRepository {
  constructor(private readonly manager: EntityManager) {
    super();
  }

  async addIfAddressFree(user: User): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(ADD_USER_IF_ADDRESS_FREE, userValues(user));
    return rows.length === 1;
  }

  async findByEmailForUpdate(email: Email): Promise<User | null> {
    const [record]: UserRecord[] = await this.manager.query(FIND_BY_EMAIL_FOR_UPDATE, [email.normalized]);
    return record ? userToDomain(record) : null;
  }

  async findById(id: string): Promise<User | null> {
    const record = await this.manager.getRepository(UserRecord).findOneBy({ id });
    return record ? userToDomain(record) : null;
  }

  async findByIdForUpdate(id: string): Promise<User | null> {
    const [record]: UserRecord[] = await this.manager.query(FIND_BY_ID_FOR_UPDATE, [id]);
    return record ? userToDomain(record) : null;
  }

  async save(user: User): Promise<void> {
    await this.manager.query(SAVE, userValues(user));
  }

  async findStalePendingForUpdate(cutoff: Date, limit: number): Promise<User[]> {
    const records = await this.manager
      .getRepository(UserRecord)
      .createQueryBuilder('user')
      .where("user.status = 'pending'")
      .andWhere('user.createdAt < :cutoff', { cutoff })
      // An account someone signed up for again a minute ago is not stale: the purge counts from the latest sign-up.
      .andWhere(
        'NOT EXISTS (SELECT 1 FROM sign_up_attempts recent WHERE recent.user_id = user.id AND recent.created_at >= :cutoff)',
        { cutoff },
      )
      .orderBy('user.createdAt', 'ASC')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
    return records.map(userToDomain);
  }

  async delete(userId: string): Promise<void> {
    // Webhooks still on their way must reach their receivers; tokens and emails go with the user (ON DELETE CASCADE).
    await releaseWebhooksOf(this.manager, userId);
    await this.manager.getRepository(UserRecord).delete({ id: userId });
  }
}
