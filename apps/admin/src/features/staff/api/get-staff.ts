import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { components } from '../../../lib/api-schema';
import { queryKeys } from '../../../lib/query-keys';

/** A staff member on the admins' list: with `lockedUntil` while five wrong passwords keep them out. */
export type StaffListItem = components['schemas']['StaffListItemResponseDto'];

export function getStaff(): Promise<StaffListItem[]> {
  return unwrap(api.GET('/api/admin/staff'));
}

export const staffQueryOptions = () => queryOptions({ queryKey: queryKeys.staff.all, queryFn: getStaff });

export function useStaff() {
  return useQuery(staffQueryOptions());
}
