import { Clock } from '@gatehouse/domain/ports/clock.port';
import { StaffMemberRecord } from '@gatehouse/infrastructure/persistence/staff-member.record';
import { StaffSignInFailureRecord } from '@gatehouse/infrastructure/persistence/staff-sign-in-failure.record';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { StaffListItemResponseDto } from './dto/staff-list-item.response.dto';

/** The staff list for admins, with any lockout in force; small by nature, so no paging. */
@Injectable()
export class StaffDirectoryQuery {
  constructor(
    @InjectRepository(StaffMemberRecord) private readonly staff: Repository<StaffMemberRecord>,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<StaffListItemResponseDto[]> {
    const rows = await this.staff
      .createQueryBuilder('s')
      .select('s.id', 'id')
      .addSelect('s.email', 'email')
      .addSelect('s.role', 'role')
      .addSelect('s.disabled', 'disabled')
      .addSelect('s.lastSignInAt', 'lastSignInAt')
      .addSelect('f.lockedUntil', 'lockedUntil')
      .leftJoin(StaffSignInFailureRecord, 'f', 'f.emailNormalized = s.emailNormalized AND f.lockedUntil > :now', {
        now: this.clock.now(),
      })
      .orderBy('s.emailNormalized')
      .getRawMany<
        Pick<StaffMemberRecord, 'id' | 'email' | 'disabled' | 'lastSignInAt'> &
          Pick<StaffSignInFailureRecord, 'lockedUntil'> & { role: 'admin' | 'support' }
      >();
    return rows.map((row) => ({
      id: row.id,
      email: row.email,
      role: row.role,
      disabled: row.disabled,
      lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
      lockedUntil: row.lockedUntil?.toISOString() ?? null,
    }));
  }
}
