import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { StaffListItem } from './get-staff';

/** Lets a staff member locked out by five wrong passwords sign in again at once (audited with the reason). */
export function liftLockout({ staffId, reason }: { staffId: string; reason: string }): Promise<StaffListItem> {
  return unwrap(api.DELETE('/api/admin/staff/{id}/lockout', { params: { path: { id: staffId } }, body: { reason } }));
}

export function useLiftLockout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: liftLockout,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.staff.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.audit.all }),
      ]),
  });
}
