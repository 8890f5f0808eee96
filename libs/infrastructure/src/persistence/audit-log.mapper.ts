import type { AuditEntry } from '@gatehouse/domain/staff/audit-entry';
import { AuditLogRecord } from './audit-log.record';

/** Entries are only written here; the back office reads them straight into its responses. */
export function auditEntryToRecord(entry: AuditEntry): AuditLogRecord {
  const record = new AuditLogRecord();
  record.id = entry.id;
  record.staffId = entry.actor.id;
  record.staffEmail = entry.actor.email;
  record.action = entry.action;
  record.targetType = entry.targetType;
  record.targetId = entry.targetId;
  record.reason = entry.reason;
  record.changes = entry.changes;
  record.createdAt = entry.at;
  return record;
}
