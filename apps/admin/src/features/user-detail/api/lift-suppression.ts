import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { invalidateAfterAction } from './invalidate-after-action';

export function liftSuppression({ userId, reason }: { userId: string; reason: string }): Promise<void> {
  return unwrap(
    api.DELETE('/api/admin/users/{id}/suppression', { params: { path: { id: userId } }, body: { reason } }),
  );
}

export function useLiftSuppression() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: liftSuppression, onSuccess: () => invalidateAfterAction(queryClient) });
}
