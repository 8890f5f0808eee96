import { StaffSessionRepository } from '@gatehouse/domain/ports/staff-session.repository.port';
import type { StaffSession } from '@gatehouse/domain/staff/staff-session';
import type { EntityManager } from 'typeorm';

interface SessionRow {
  id: string;
  staff_id: string;
  token_digest: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  ip: string | null;
  user_agent: string | null;
}

export class TypeOrmStaffSessionRepository extends StaffSessionRepository {
  constructor(private readonly manager: EntityManager) {
    super();
  }

  async add(session: StaffSession): Promise<void> {
    await this.manager.query(
      `INSERT INTO staff_sessions (id, staff_id, token_digest, created_at, last_seen_at, expires_at, revoked_at, ip, user_agent)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        session.id,
        session.staffId,
        session.digest,
        session.createdAt,
        session.lastSeenAt,
        session.expiresAt,
        session.revokedAt,
        session.ip,
        session.userAgent,
      ],
    );
  }

  async findByDigest(digest: string): Promise<StaffSession | null> {
    const rows: SessionRow[] = await this.manager.query(
      `SELECT id, staff_id, token_digest, created_at, last_seen_at, expires_at, revoked_at, ip, user_agent
       FROM staff_sessions WHERE token_digest = $1`,
      [digest],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      staffId: row.staff_id,
      digest: row.token_digest,
      createdAt: row.created_at,
      lastSeenAt: row.last_seen_at,
      expiresAt: row.expires_at,
      revokedAt: row.revoked_at,
      ip: row.ip,
      userAgent: row.user_agent,
    };
  }

  async touch(sessionId: string, now: Date): Promise<void> {
    await this.manager.query(`UPDATE staff_sessions SET last_seen_at = $2 WHERE id = $1`, [sessionId, now]);
  }

  async revoke(sessionId: string, now: Date): Promise<void> {
    await this.manager.query(`UPDATE staff_sessions SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL`, [
      sessionId,
      now,
    ]);
  }

  async revokeAllFor(staffId: string, now: Date): Promise<void> {
    await this.manager.query(`UPDATE staff_sessions SET revoked_at = $2 WHERE staff_id = $1 AND revoked_at IS NULL`, [
      staffId,
      now,
    ]);
  }
}
