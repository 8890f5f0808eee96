import type { StaffRole } from './staff-role';

/**
 * What each role may do in the back office. Support staff help people (find them, see what was sent, send the
 * link again); everything that changes an account beyond that, or the staff list, is for admins.
 */
export const STAFF_PERMISSIONS = {
  'users.read': ['support', 'admin'],
  'users.resend': ['support', 'admin'],
  'stats.read': ['support', 'admin'],
  'users.confirm': ['admin'],
  'users.disable': ['admin'],
  'users.delete': ['admin'],
  'users.bulk': ['admin'],
  'users.export': ['admin'],
  'audit.read': ['admin'],
  'staff.manage': ['admin'],
} as const satisfies Record<string, readonly StaffRole[]>;

export type StaffPermission = keyof typeof STAFF_PERMISSIONS;

export function roleMay(role: StaffRole, permission: StaffPermission): boolean {
  return (STAFF_PERMISSIONS[permission] as readonly StaffRole[]).includes(role);
}
