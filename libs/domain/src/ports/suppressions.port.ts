import type { Suppression } from '../deliverability/suppression';
import type { AuditEntry } from '../staff/audit-entry';

/** The suppression list as support uses it: what holds an address back, and lifting it. */
export abstract class Suppressions {
  /** The address's suppression, active or run out (the domain judges with isActiveAt). */
  abstract find(addressKey: string): Promise<Suppression | null>;
  /**
   * Removes the address's suppression and records the audit entry, atomically. Returns the suppression removed;
   * null (and nothing recorded) when there was none.
   */
  abstract lift(addressKey: string, audit: AuditEntry): Promise<Suppression | null>;
}
