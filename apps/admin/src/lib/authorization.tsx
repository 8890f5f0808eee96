import type { ReactNode } from 'react';
import type { StaffPermission } from './api-enums';
import { useSession } from './auth';

/** Whether the signed-in staff member may do this; false while nobody is signed in. */
export function usePermission(permission: StaffPermission): boolean {
  const { data } = useSession();
  return data?.permissions.includes(permission) ?? false;
}

/** Renders its children only for a role allowed to do this: support staff never see admin-only actions. */
export function Can({ permission, children }: { permission: StaffPermission; children: ReactNode }) {
  return usePermission(permission) ? children : null;
}
