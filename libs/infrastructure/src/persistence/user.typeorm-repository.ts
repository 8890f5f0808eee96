import { UserRepository } from '@gatehouse/domain/ports/user.repository.port';
import type { Email } from '@gatehouse/domain/users/email.value-object';
import type { User } from '@gatehouse/domain/users/user.entity';
import type { EntityManager } from 'typeorm';
import { releaseWebhooksOf } from './event-outbox.typeorm-repository';
import { namedStatement, placeholders } from './named-parameters';
import { userToDomain, userToRecord } from './user.mapper';
import { UserRecord } from './user.record';

// Hot paths (sign-up, confirmation) write their SQL by hand, once: TypeORM's query builder costs more CPU per
// statement than PostgreSQL spends running it (BENCHMARKS.md). Columns come back under the record's property
// names, so a row is a UserRecord as the mapper knows it.
const USER_COLUMNS = `id, email, email_normalized AS "emailNormalized", password_hash AS "passwordHash", status, locale,
  created_at AS "createdAt", confirmed_at AS "confirmedAt", updated_at AS "updatedAt"`;
const FIND_BY_ID_FOR_UPDATE = `SELECT ${USER_COLUMNS} FROM users WHERE id = $1 FOR UPDATE`;
const FIND_BY_EMAIL_FOR_UPDATE = `SELECT ${USER_COLUMNS} FROM users WHERE email_normalized = $1 FOR UPDATE`;
/** The user's values by name, as its record holds them: what SAVE and addUserIfAddressFree bind. */
export const USER_VALUES = [
  'id',
  'email',
  'emailNormalized',
  'passwordHash',
  'status',
  'locale',
  'createdAt',
  'confirmedAt',
  'updatedAt',
] as const;
export type UserValue = (typeof USER_VALUES)[number];

export function userNamedValues(user: User): Record<UserValue, unknown> {
  const record = userToRecord(user);
  return Object.fromEntries(USER_VALUES.map((name) => [name, record[name]])) as Record<UserValue, unknown>;
}

/**
 * Adds the user unless the address is taken; a fragment the one-statement sign-up embeds, in the caller's
 * placeholders. ON CONFLICT waits for a concurrent insert of the same address to commit, then skips: one row
 * or none, no error.
 */
export function addUserIfAddressFree(p: Record<UserValue, string>): string {
  return `INSERT INTO users (id, email, email_normalized, password_hash, status, locale, created_at, confirmed_at,
      updated_at)
    VALUES (${p.id}, ${p.email}, ${p.emailNormalized}, ${p.passwordHash}, ${p.status}, ${p.locale}, ${p.createdAt},
      ${p.confirmedAt}, ${p.updatedAt})
    ON CONFLICT (email_normalized) DO NOTHING
    RETURNING id`;
}

const ADD_USER_IF_ADDRESS_FREE = namedStatement<UserValue>(addUserIfAddressFree(placeholders('', USER_VALUES)));
const SAVE = namedStatement<UserValue>(`UPDATE users SET email = :email, email_normalized = :emailNormalized,
  password_hash = :passwordHash, status = :status, locale = :locale, created_at = :createdAt,
  confirmed_at = :confirmedAt, updated_at = :updatedAt WHERE id = :id`);

export class TypeOrmUserRepository extends UserRepository {
  constructor(private readonly manager: EntityManager) {
    super();
  }

  async addIfAddressFree(user: User): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(
      ADD_USER_IF_ADDRESS_FREE.text,
      ADD_USER_IF_ADDRESS_FREE.values(userNamedValues(user)),
    );
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
    await this.manager.query(SAVE.text, SAVE.values(userNamedValues(user)));
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
