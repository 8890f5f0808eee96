import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { StaffMember } from '../../../lib/auth';
import { queryKeys } from '../../../lib/query-keys';

export function getStaff(): Promise<StaffMember[]> {
  return unwrap(api.GET('/api/admin/staff'));
}

export const staffQueryOptions = () => queryOptions({ queryKey: queryKeys.staff.all, queryFn: getStaff });

export function useStaff() {
  return useQuery(staffQueryOptions());
}
