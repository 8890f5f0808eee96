import type { Session } from '../lib/auth';

const SUPPORT_PERMISSIONS = ['users.read', 'users.resend', 'stats.read'];
const ADMIN_PERMISSIONS = [
  ...SUPPORT_PERMISSIONS,
  'users.confirm',
  'users.disable',
  'users.delete',
  'users.bulk',
  'users.export',
  'audit.read',
  'staff.manage',
];

/** A signed-in staff member as GET /api/admin/session describes them. */
export function aSession(role: 'admin' | 'support'): Session {
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
    permissions: role === 'admin' ? ADMIN_PERMISSIONS : SUPPORT_PERMISSIONS,
  };
}
