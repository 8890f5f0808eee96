import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { invalidateAfterAction } from './invalidate-after-action';

export function enableUser({ userId, reason }: { userId: string; reason: string }): Promise<void> {
  return unwrap(api.POST('/api/admin/users/{id}/enable', { params: { path: { id: userId } }, body: { reason } }));
}

export function useEnableUser() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: enableUser, onSuccess: () => invalidateAfterAction(queryClient) });
}
