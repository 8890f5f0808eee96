import { useSearchParams } from 'react-router';

export interface AuditFilter {
  staffId?: string;
  action?: string;
  targetType?: 'user' | 'staff' | 'users';
  targetId?: string;
  from?: string;
  to?: string;
}

/** The actions staff take, and failed staff sign-ins (libs/domain/src/staff/audit-entry.ts), for the filter's list. */
export const AUDIT_ACTIONS = [
  'user.resend_confirmation',
  'user.confirm',
  'user.disable',
  'user.enable',
  'user.delete',
  'users.bulk_resend',
  'users.export',
  'staff.create',
  'staff.update',
  'staff.sign_in',
  'staff.sign_in_failed',
  'staff.locked_out',
  'staff.lockout_lifted',
] as const;

export const TARGET_TYPES = ['user', 'staff', 'users'] as const;
const KEYS = ['staffId', 'action', 'targetType', 'targetId', 'from', 'to'] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The filter in a URL's query; values the API would refuse are left out. */
export function auditFilterFromParams(params: URLSearchParams): AuditFilter {
  const filter: AuditFilter = {};
  const staffId = params.get('staffId');
  if (staffId && UUID.test(staffId)) filter.staffId = staffId;
  const action = params.get('action');
  if (action && /^[a-z_]+(\.[a-z_]+)*$/.test(action)) filter.action = action;
  const targetType = TARGET_TYPES.find((type) => type === params.get('targetType'));
  if (targetType) {
    filter.targetType = targetType;
    const targetId = params.get('targetId')?.trim();
    if (targetId) filter.targetId = targetId;
  }
  for (const key of ['from', 'to'] as const) {
    const value = params.get(key);
    if (value && DAY.test(value)) filter[key] = value;
  }
  return filter;
}

export function useAuditFilter() {
  const [params, setParams] = useSearchParams();
  const filter = auditFilterFromParams(params);
  return {
    filter,
    setFilter: (next: AuditFilter) => {
      const query = new URLSearchParams();
      for (const key of KEYS) {
        const value = next[key];
        if (value) query.set(key, value);
      }
      setParams(query, { replace: true });
    },
  };
}
