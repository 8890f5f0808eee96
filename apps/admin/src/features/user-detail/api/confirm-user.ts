import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { invalidateAfterAction } from './invalidate-after-action';

export function confirmUser({ userId, reason }: { userId: string; reason: string }): Promise<void> {
  return unwrap(api.POST('/api/admin/users/{id}/confirm', { params: { path: { id: userId } }, body: { reason } }));
}

export function useConfirmUser() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: confirmUser, onSuccess: () => invalidateAfterAction(queryClient) });
}
