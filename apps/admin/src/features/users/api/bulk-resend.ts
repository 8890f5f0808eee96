import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { components } from '../../../lib/api-schema';
import { queryKeys } from '../../../lib/query-keys';
import type { UsersFilter } from '../hooks/use-users-filter';

export type BulkResendResult = components['schemas']['BulkResendResponseDto'];

/** Counts the pending people the filter reaches; sends nothing. */
export function bulkResendDryRun(filter: UsersFilter): Promise<BulkResendResult> {
  return unwrap(api.POST('/api/admin/users/bulk-resend', { body: { filter, dryRun: true } }));
}

export function bulkResend(input: { filter: UsersFilter; reason: string }): Promise<BulkResendResult> {
  return unwrap(api.POST('/api/admin/users/bulk-resend', { body: { ...input, dryRun: false } }));
}

export const bulkResendDryRunQueryOptions = (filter: UsersFilter) =>
  queryOptions({ queryKey: queryKeys.users.dryRun(filter), queryFn: () => bulkResendDryRun(filter), staleTime: 0 });

export function useBulkResendDryRun(filter: UsersFilter, enabled: boolean) {
  return useQuery({ ...bulkResendDryRunQueryOptions(filter), enabled });
}

export function useBulkResend() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: bulkResend,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.users.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.audit.all }),
      ]),
  });
}
