import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { StaffMemberResponse } from '../session/dto/session.response.dto';

/** The staff list for admins; small by nature, so no paging. */
@Injectable()
export class StaffDirectory {
  constructor(private readonly dataSource: DataSource) {}

  async list(): Promise<StaffMemberResponse[]> {
    const rows: Array<{
      id: string;
      email: string;
      role: 'admin' | 'support';
      disabled: boolean;
      last_sign_in_at: Date | null;
    }> = await this.dataSource.query(
      `SELECT id, email, role, disabled, last_sign_in_at FROM staff_members ORDER BY email_normalized`,
    );
    return rows.map((row) => ({
      id: row.id,
      email: row.email,
      role: row.role,
      disabled: row.disabled,
      lastSignInAt: row.last_sign_in_at?.toISOString() ?? null,
    }));
  }
}
