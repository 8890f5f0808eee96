import { AuditTrail } from '@gatehouse/domain/ports/audit-trail.port';
import type { AuditEntry } from '@gatehouse/domain/staff/audit-entry';
import type { EntityManager } from 'typeorm';

export class TypeOrmAuditTrail extends AuditTrail {
  constructor(private readonly manager: EntityManager) {
    super();
  }

  async record(entry: AuditEntry): Promise<void> {
    await this.manager.query(
      `INSERT INTO audit_log (id, staff_id, staff_email, action, target_type, target_id, reason, changes, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9)`,
      [
        entry.id,
        entry.actor.id,
        entry.actor.email,
        entry.action,
        entry.targetType,
        entry.targetId,
        entry.reason,
        JSON.stringify(entry.changes),
        entry.at,
      ],
    );
  }
}
