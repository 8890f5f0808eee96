import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { StaffMember } from '../../../lib/auth';
import { queryKeys } from '../../../lib/query-keys';

export interface UpdateStaffInput {
  staffId: string;
  reason: string;
  role?: StaffMember['role'];
  disabled?: boolean;
}

/** Changes a role, or disables (ending their sessions) or enables a staff member. */
export function updateStaff({ staffId, ...body }: UpdateStaffInput): Promise<StaffMember> {
  return unwrap(api.PATCH('/api/admin/staff/{id}', { params: { path: { id: staffId } }, body }));
}

export function useUpdateStaff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateStaff,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.staff.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.audit.all }),
        // Changing one's own role changes one's permissions.
        queryClient.invalidateQueries({ queryKey: queryKeys.session }),
      ]),
  });
}
