import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { invalidateAfterAction } from './invalidate-after-action';

export function deleteUser({ userId, reason }: { userId: string; reason: string }): Promise<void> {
  return unwrap(api.DELETE('/api/admin/users/{id}', { params: { path: { id: userId } }, body: { reason } }));
}

export function useDeleteUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteUser,
    onSuccess: (_done, { userId }) => {
      queryClient.removeQueries({ queryKey: queryKeys.users.detail(userId) });
      return invalidateAfterAction(queryClient);
    },
  });
}
