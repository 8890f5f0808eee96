import { UserRepository } from '@gatehouse/domain/ports/user.repository.port';
import type { Email } from '@gatehouse/domain/users/email.value-object';
import type { User } from '@gatehouse/domain/users/user.entity';
import type { EntityManager } from 'typeorm';
import { userToDomain, userToRecord } from './user.mapper';
import { UserRecord } from './user.record';

export class TypeOrmUserRepository extends UserRepository {
  constructor(private readonly manager: EntityManager) {
    super();
  }

  async addIfAddressFree(user: User): Promise<boolean> {
    const record = userToRecord(user);
    // ON CONFLICT waits for a concurrent insert of the same address to commit, then skips: one row, no error.
    const rows: unknown[] = await this.manager.query(
      `INSERT INTO users (id, email, email_normalized, password_hash, status, locale, created_at, confirmed_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (email_normalized) DO NOTHING
       RETURNING id`,
      [
        record.id,
        record.email,
        record.emailNormalized,
        record.passwordHash,
        record.status,
        record.locale,
        record.createdAt,
        record.confirmedAt,
        record.updatedAt,
      ],
    );
    return rows.length === 1;
  }

  async findByEmailForUpdate(email: Email): Promise<User | null> {
    const record = await this.manager
      .getRepository(UserRecord)
      .createQueryBuilder('user')
      .where('user.emailNormalized = :normalized', { normalized: email.normalized })
      .setLock('pessimistic_write')
      .getOne();
    return record ? userToDomain(record) : null;
  }

  async findById(id: string): Promise<User | null> {
    const record = await this.manager.getRepository(UserRecord).findOneBy({ id });
    return record ? userToDomain(record) : null;
  }

  async findByIdForUpdate(id: string): Promise<User | null> {
    const record = await this.manager
      .getRepository(UserRecord)
      .createQueryBuilder('user')
      .where('user.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
    return record ? userToDomain(record) : null;
  }

  async save(user: User): Promise<void> {
    const { id, ...changes } = userToRecord(user);
    await this.manager.getRepository(UserRecord).update({ id }, changes);
  }

  async findStalePendingForUpdate(cutoff: Date, limit: number): Promise<User[]> {
    const records = await this.manager
      .getRepository(UserRecord)
      .createQueryBuilder('user')
      .where("user.status = 'pending'")
      .andWhere('user.createdAt < :cutoff', { cutoff })
      .orderBy('user.createdAt', 'ASC')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
    return records.map(userToDomain);
  }

  async delete(userId: string): Promise<void> {
    // Webhooks still on their way (user.disabled just before the deletion, say) must reach their receivers:
    // they let go of the user instead of going with it. Tokens and emails go with the user (ON DELETE CASCADE).
    await this.manager.query(
      `UPDATE email_outbox SET user_id = NULL WHERE user_id = $1 AND channel = 'webhook' AND state IN ('queued', 'sending')`,
      [userId],
    );
    await this.manager.getRepository(UserRecord).delete({ id: userId });
  }
}
