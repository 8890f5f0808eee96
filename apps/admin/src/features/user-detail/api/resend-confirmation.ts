import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { ApiError } from '../../../lib/api-error';
import { formatTime } from '../../../lib/format';
import { invalidateAfterAction } from './invalidate-after-action';

/** A fresh link by email; a 429 says when the per-address limits allow the next send. */
export async function resendConfirmation({ userId, reason }: { userId: string; reason: string }): Promise<void> {
  try {
    await unwrap(
      api.POST('/api/admin/users/{id}/resend-confirmation', { params: { path: { id: userId } }, body: { reason } }),
    );
  } catch (error) {
    if (error instanceof ApiError && error.status === 429 && error.retryAt) {
      throw new ApiError(
        429,
        error.body,
        `This address was emailed too recently. Next send allowed at ${formatTime(error.retryAt)}.`,
      );
    }
    throw error;
  }
}

export function useResendConfirmation() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: resendConfirmation, onSuccess: () => invalidateAfterAction(queryClient) });
}
