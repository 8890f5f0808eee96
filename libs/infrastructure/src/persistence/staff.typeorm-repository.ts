import { StaffRepository } from '@gatehouse/domain/ports/staff.repository.port';
import { StaffMember } from '@gatehouse/domain/staff/staff-member.entity';
import type { StaffRole } from '@gatehouse/domain/staff/staff-role';
import { Email } from '@gatehouse/domain/users/email.value-object';
import type { EntityManager } from 'typeorm';

interface StaffRow {
  id: string;
  email: string;
  email_normalized: string;
  password_hash: string;
  role: StaffRole;
  disabled: boolean;
  created_at: Date;
  updated_at: Date;
  last_sign_in_at: Date | null;
}

const COLUMNS = 'id, email, email_normalized, password_hash, role, disabled, created_at, updated_at, last_sign_in_at';

export class TypeOrmStaffRepository extends StaffRepository {
  constructor(private readonly manager: EntityManager) {
    super();
  }

  async addIfAddressFree(member: StaffMember): Promise<boolean> {
    const s = member.snapshot();
    const rows: unknown[] = await this.manager.query(
      `INSERT INTO staff_members (id, email, email_normalized, password_hash, role, disabled, created_at, updated_at, last_sign_in_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (email_normalized) DO NOTHING
       RETURNING id`,
      [
        s.id,
        s.email.value,
        s.email.normalized,
        s.passwordHash,
        s.role,
        s.disabled,
        s.createdAt,
        s.updatedAt,
        s.lastSignInAt,
      ],
    );
    return rows.length === 1;
  }

  async findByEmail(email: Email): Promise<StaffMember | null> {
    const rows: StaffRow[] = await this.manager.query(
      `SELECT ${COLUMNS} FROM staff_members WHERE email_normalized = $1`,
      [email.normalized],
    );
    return rows[0] ? toDomain(rows[0]) : null;
  }

  async findByIdForUpdate(id: string): Promise<StaffMember | null> {
    const rows: StaffRow[] = await this.manager.query(`SELECT ${COLUMNS} FROM staff_members WHERE id = $1 FOR UPDATE`, [
      id,
    ]);
    return rows[0] ? toDomain(rows[0]) : null;
  }

  async save(member: StaffMember): Promise<void> {
    const s = member.snapshot();
    await this.manager.query(
      `UPDATE staff_members SET password_hash = $2, role = $3, disabled = $4, updated_at = $5, last_sign_in_at = $6
       WHERE id = $1`,
      [s.id, s.passwordHash, s.role, s.disabled, s.updatedAt, s.lastSignInAt],
    );
  }

  async count(): Promise<number> {
    const rows: Array<{ count: string }> = await this.manager.query(`SELECT count(*) AS count FROM staff_members`);
    return Number(rows[0].count);
  }

  async countActiveAdminsForUpdate(): Promise<number> {
    const rows: Array<{ id: string }> = await this.manager.query(
      // In id order, so every transaction that takes these locks takes them in the same order.
      `SELECT id FROM staff_members WHERE role = 'admin' AND NOT disabled ORDER BY id FOR UPDATE`,
    );
    return rows.length;
  }
}

function toDomain(row: StaffRow): StaffMember {
  return StaffMember.restore({
    id: row.id,
    email: Email.fromStored(row.email, row.email_normalized),
    passwordHash: row.password_hash,
    role: row.role,
    disabled: row.disabled,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastSignInAt: row.last_sign_in_at,
  });
}
