import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { invalidateAfterAction } from './invalidate-after-action';

export function disableUser({ userId, reason }: { userId: string; reason: string }): Promise<void> {
  return unwrap(api.POST('/api/admin/users/{id}/disable', { params: { path: { id: userId } }, body: { reason } }));
}

export function useDisableUser() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: disableUser, onSuccess: () => invalidateAfterAction(queryClient) });
}
