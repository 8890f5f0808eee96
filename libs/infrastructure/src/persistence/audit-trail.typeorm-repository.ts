import { AuditTrail } from '@gatehouse/domain/ports/audit-trail.port';
import type { AuditEntry } from '@gatehouse/domain/staff/audit-entry';
import type { EntityManager, Repository } from 'typeorm';
import { auditEntryToRecord } from './audit-log.mapper';
import { AuditLogRecord } from './audit-log.record';

export class TypeOrmAuditTrail extends AuditTrail {
  private readonly records: Repository<AuditLogRecord>;

  constructor(manager: EntityManager) {
    super();
    this.records = manager.getRepository(AuditLogRecord);
  }

  async record(entry: AuditEntry): Promise<void> {
    // insert, never save: save would read the row first, and audit_log refuses updates.
    await this.records.insert(auditEntryToRecord(entry));
  }
}
