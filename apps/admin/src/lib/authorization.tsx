import type { ReactNode } from 'react';
import { useSession } from './auth';

/** What a role may do, as GET /api/admin/session lists it (libs/domain/src/staff/staff-permissions.ts). */
export type Permission =
  | 'users.read'
  | 'users.resend'
  | 'stats.read'
  | 'users.confirm'
  | 'users.disable'
  | 'users.delete'
  | 'users.bulk'
  | 'users.export'
  | 'audit.read'
  | 'staff.manage';

/** Whether the signed-in staff member may do this; false while nobody is signed in. */
export function usePermission(permission: Permission): boolean {
  const { data } = useSession();
  return data?.permissions.includes(permission) ?? false;
}

/** Renders its children only for a role allowed to do this: support staff never see admin-only actions. */
export function Can({ permission, children }: { permission: Permission; children: ReactNode }) {
  return usePermission(permission) ? children : null;
}
