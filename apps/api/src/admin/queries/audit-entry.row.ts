import { AuditEntryResponseDto } from './dto/audit-entry.response.dto';

/** The audit_log columns a read selects, in the order AUDIT_ENTRY_COLUMNS lists them. */
export const AUDIT_ENTRY_COLUMNS =
  'a.id, a.staff_id, a.staff_email, a.action, a.target_type, a.target_id, a.reason, a.changes, a.created_at';

export interface AuditEntryRow {
  id: string;
  staff_id: string | null;
  staff_email: string;
  action: string;
  target_type: string;
  target_id: string | null;
  reason: string | null;
  changes: Record<string, unknown>;
  created_at: Date;
}

export function toAuditEntry(row: AuditEntryRow): AuditEntryResponseDto {
  return {
    id: row.id,
    staffId: row.staff_id,
    staffEmail: row.staff_email,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    reason: row.reason,
    changes: row.changes,
    createdAt: row.created_at,
  };
}
