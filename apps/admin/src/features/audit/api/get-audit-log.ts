import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { components } from '../../../lib/api-schema';
import { queryKeys } from '../../../lib/query-keys';
import type { AuditFilter } from '../hooks/use-audit-filter';

export type AuditPage = components['schemas']['AuditLogPageResponseDto'];
export type AuditEntry = components['schemas']['AuditEntryResponseDto'];

export const AUDIT_PAGE_SIZE = 50;

export function getAuditLog(query: AuditFilter & { cursor?: string }): Promise<AuditPage> {
  return unwrap(api.GET('/api/admin/audit', { params: { query: { ...query, limit: AUDIT_PAGE_SIZE } } }));
}

export const auditLogQueryOptions = (query: AuditFilter & { cursor?: string }) =>
  queryOptions({ queryKey: queryKeys.audit.list(query), queryFn: () => getAuditLog(query) });

export function useAuditLog(query: AuditFilter & { cursor?: string }) {
  return useQuery({ ...auditLogQueryOptions(query), placeholderData: keepPreviousData });
}
