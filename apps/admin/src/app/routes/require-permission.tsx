import type { ReactNode } from 'react';
import { EmptyState } from '../../components/ui/status';
import type { StaffPermission } from '../../lib/api-enums';
import { usePermission } from '../../lib/authorization';

/** An admin-only page opened by someone else (a shared link): say so instead of showing a broken page. */
export function RequirePermission({ permission, children }: { permission: StaffPermission; children: ReactNode }) {
  if (usePermission(permission)) return children;
  return (
    <>
      <title>Not for your role · Gatehouse</title>
      <h1>Not for your role</h1>
      <EmptyState title="This page is for admins.">Ask an admin if you need something from it.</EmptyState>
    </>
  );
}
