import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { SortDirection } from '../../../lib/api-enums';
import type { components } from '../../../lib/api-schema';
import { queryKeys } from '../../../lib/query-keys';
import type { UsersFilter } from '../hooks/use-users-filter';

export type UsersPage = components['schemas']['UsersPageResponseDto'];
export type UserListItem = components['schemas']['UserListItemResponseDto'];

export const USERS_PAGE_SIZE = 50;

export interface UsersQuery extends UsersFilter {
  sort: SortDirection;
  cursor?: string;
}

export function getUsers(query: UsersQuery): Promise<UsersPage> {
  return unwrap(api.GET('/api/admin/users', { params: { query: { ...query, limit: USERS_PAGE_SIZE } } }));
}

export const usersQueryOptions = (query: UsersQuery) =>
  queryOptions({ queryKey: queryKeys.users.list(query), queryFn: () => getUsers(query) });

export function useUsers(query: UsersQuery) {
  // The previous result stays on screen while the next filter loads: no flicker as you type.
  return useQuery({ ...usersQueryOptions(query), placeholderData: keepPreviousData });
}
