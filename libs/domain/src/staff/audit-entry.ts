export const AUDIT_ACTIONS = [
  'staff.sign_in',
  'staff.sign_in_failed',
  'staff.locked_out',
  'staff.lockout_lifted',
  'staff.create',
  'staff.update',
  'user.resend_confirmation',
  'user.confirm',
  'user.disable',
  'user.enable',
  'user.delete',
  'users.bulk_resend',
  'users.export',
  'user.suppression_lifted',
  'user.sign_in_lockout_lifted',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * Who acted: a staff member, or nobody known (`id` null): Gatehouse itself (the command line, the first-start
 * bootstrap) or, for a failed sign-in, whoever tried.
 */
export interface AuditActor {
  id: string | null;
  email: string;
}

/**
 * One thing staff did, or tried to (a failed sign-in), kept for good: who, what, to whom, why, when, and what
 * changed. Never a password.
 */
export interface AuditEntry {
  id: string;
  actor: AuditActor;
  action: AuditAction;
  targetType: 'user' | 'users' | 'staff';
  targetId: string | null;
  reason: string | null;
  changes: Record<string, unknown>;
  at: Date;
}
