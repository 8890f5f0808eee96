import { valuesOf, type StaffPermission, type StaffRole } from '../lib/api-enums';
import type { Session } from '../lib/auth';

// Who may do what, as the API grants it (libs/domain/src/staff/staff-permissions.ts): a permission the API adds
// fails the type-check here until the test sessions say which role has it.
const ROLES_PER_PERMISSION = {
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
} satisfies Record<StaffPermission, StaffRole[]>;

function permissionsOf(role: StaffRole): StaffPermission[] {
  return valuesOf(ROLES_PER_PERMISSION).filter((permission) =>
    (ROLES_PER_PERMISSION[permission] as StaffRole[]).includes(role),
  );
}

/** A signed-in staff member as GET /api/admin/session describes them. */
export function aSession(role: StaffRole): Session {
  return {
    staff: {
      id: role === 'admin' ? '00000000-0000-4000-8000-000000000001' : '00000000-0000-4000-8000-000000000002',
      email: `${role}@example.com`,
      role,
      disabled: false,
      lastSignInAt: null,
    },
    csrfToken: `csrf-${role}`,
    expiresAt: '2099-01-01T00:00:00.000Z',
    idleTimeoutSeconds: 1800,
    permissions: permissionsOf(role),
  };
}
