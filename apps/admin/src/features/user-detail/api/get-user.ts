import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { components } from '../../../lib/api-schema';
import { queryKeys } from '../../../lib/query-keys';

export type UserDetail = components['schemas']['UserDetailResponseDto'];

export function getUser(id: string): Promise<UserDetail> {
  return unwrap(api.GET('/api/admin/users/{id}', { params: { path: { id } } }));
}

export const userQueryOptions = (id: string) =>
  queryOptions({ queryKey: queryKeys.users.detail(id), queryFn: () => getUser(id) });

export function useUser(id: string) {
  return useQuery(userQueryOptions(id));
}
