import { StaffRepository } from '@gatehouse/domain/ports/staff.repository.port';
import type { StaffMember } from '@gatehouse/domain/staff/staff-member.entity';
import type { Email } from '@gatehouse/domain/users/email.value-object';
import type { EntityManager, Repository } from 'typeorm';
import { staffMemberToDomain, staffMemberToRecord } from './staff-member.mapper';
import { StaffMemberRecord } from './staff-member.record';

export class TypeOrmStaffRepository extends StaffRepository {
  private readonly records: Repository<StaffMemberRecord>;

  constructor(manager: EntityManager) {
    super();
    this.records = manager.getRepository(StaffMemberRecord);
  }

  async addIfAddressFree(member: StaffMember): Promise<boolean> {
    const result = await this.records
      .createQueryBuilder()
      .insert()
      .values(staffMemberToRecord(member))
      // ON CONFLICT (email_normalized) DO NOTHING: waits for a concurrent insert of the address, then skips.
      .orUpdate([], ['email_normalized'])
      .returning(['id'])
      .updateEntity(false)
      .execute();
    return (result.raw as unknown[]).length === 1;
  }

  async findByEmail(email: Email): Promise<StaffMember | null> {
    const record = await this.records.findOneBy({ emailNormalized: email.normalized });
    return record ? staffMemberToDomain(record) : null;
  }

  async findByIdForUpdate(id: string): Promise<StaffMember | null> {
    const record = await this.records
      .createQueryBuilder('staff')
      .where('staff.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
    return record ? staffMemberToDomain(record) : null;
  }

  async save(member: StaffMember): Promise<void> {
    const { id, passwordHash, role, disabled, updatedAt, lastSignInAt } = staffMemberToRecord(member);
    // The address and the creation time never change.
    await this.records.update({ id }, { passwordHash, role, disabled, updatedAt, lastSignInAt });
  }

  async count(): Promise<number> {
    return this.records.count();
  }

  async countActiveAdminsForUpdate(): Promise<number> {
    const admins = await this.records
      .createQueryBuilder('staff')
      .select('staff.id')
      .where('staff.role = :role', { role: 'admin' })
      .andWhere('NOT staff.disabled')
      // In id order, so every transaction that takes these locks takes them in the same order.
      .orderBy('staff.id')
      .setLock('pessimistic_write')
      .getMany();
    return admins.length;
  }
}
