import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { components } from '../../../lib/api-schema';
import { queryKeys } from '../../../lib/query-keys';

export type RegistrationStats = components['schemas']['RegistrationStatsResponseDto'];

/** A range of UTC days, both included (at most 366). */
export interface StatsRange {
  from: string;
  to: string;
}

export function getStats(range: StatsRange): Promise<RegistrationStats> {
  return unwrap(api.GET('/api/admin/stats', { params: { query: range } }));
}

export const statsQueryOptions = (range: StatsRange) =>
  queryOptions({ queryKey: queryKeys.stats(range), queryFn: () => getStats(range) });

export function useStats(range: StatsRange, enabled = true) {
  return useQuery({ ...statsQueryOptions(range), enabled, placeholderData: keepPreviousData });
}
