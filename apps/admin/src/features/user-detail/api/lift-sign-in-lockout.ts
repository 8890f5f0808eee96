import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { invalidateAfterAction } from './invalidate-after-action';

/** Lets a person locked out by too many wrong passwords sign in again at once (admins; audited with the reason). */
export function liftSignInLockout({ userId, reason }: { userId: string; reason: string }): Promise<void> {
  return unwrap(
    api.DELETE('/api/admin/users/{id}/sign-in-lockout', { params: { path: { id: userId } }, body: { reason } }),
  );
}

export function useLiftSignInLockout() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: liftSignInLockout, onSuccess: () => invalidateAfterAction(queryClient) });
}
