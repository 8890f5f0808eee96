import { StaffSessionRepository } from '@gatehouse/domain/ports/staff-session.repository.port';
import type { StaffSession } from '@gatehouse/domain/staff/staff-session';
import { IsNull, type EntityManager, type Repository } from 'typeorm';
import { staffSessionToDomain, staffSessionToRecord } from './staff-session.mapper';
import { StaffSessionRecord } from './staff-session.record';

export class TypeOrmStaffSessionRepository extends StaffSessionRepository {
  private readonly records: Repository<StaffSessionRecord>;

  constructor(manager: EntityManager) {
    super();
    this.records = manager.getRepository(StaffSessionRecord);
  }

  async add(session: StaffSession): Promise<void> {
    await this.records.insert(staffSessionToRecord(session));
  }

  async findByDigest(digest: string): Promise<StaffSession | null> {
    const record = await this.records.findOneBy({ tokenDigest: digest });
    return record ? staffSessionToDomain(record) : null;
  }

  async touch(sessionId: string, now: Date): Promise<void> {
    await this.records.update({ id: sessionId }, { lastSeenAt: now });
  }

  async revoke(sessionId: string, now: Date): Promise<void> {
    await this.records.update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: now });
  }

  async revokeAllFor(staffId: string, now: Date): Promise<void> {
    await this.records.update({ staffId, revokedAt: IsNull() }, { revokedAt: now });
  }
}
