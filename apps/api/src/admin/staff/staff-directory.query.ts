import { Clock } from '@gatehouse/domain/ports/clock.port';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { StaffListItemResponse } from './dto/staff-list-item.response.dto';

/** The staff list for admins, with any lockout in force; small by nature, so no paging. */
@Injectable()
export class StaffDirectory {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<StaffListItemResponse[]> {
    const rows: Array<{
      id: string;
      email: string;
      role: 'admin' | 'support';
      disabled: boolean;
      last_sign_in_at: Date | null;
      locked_until: Date | null;
    }> = await this.dataSource.query(
      `SELECT s.id, s.email, s.role, s.disabled, s.last_sign_in_at, f.locked_until
       FROM staff_members s
       LEFT JOIN staff_sign_in_failures f ON f.email_normalized = s.email_normalized AND f.locked_until > $1
       ORDER BY s.email_normalized`,
      [this.clock.now()],
    );
    return rows.map((row) => ({
      id: row.id,
      email: row.email,
      role: row.role,
      disabled: row.disabled,
      lastSignInAt: row.last_sign_in_at?.toISOString() ?? null,
      lockedUntil: row.locked_until?.toISOString() ?? null,
    }));
  }
}
