import type { AuditEntry } from '../staff/audit-entry';

/** Append-only: entries are written in the transaction of the change they describe and never altered. */
export abstract class AuditTrail {
  abstract record(entry: AuditEntry): Promise<void>;
}
