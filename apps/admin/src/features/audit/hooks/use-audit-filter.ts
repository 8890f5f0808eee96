import { useSearchParams } from 'react-router';
import { oneOf, valuesOf, type AuditAction, type AuditTargetType } from '../../../lib/api-enums';
import type { operations } from '../../../lib/api-schema';

type AuditQuery = NonNullable<operations['AuditController_list']['parameters']['query']>;

export type AuditFilter = Pick<AuditQuery, 'staffId' | 'action' | 'targetType' | 'targetId' | 'from' | 'to'>;

/** What the filter's list calls each action staff take, and failed staff sign-ins, in the list's order. */
export const AUDIT_ACTION_LABELS = {
  'user.resend_confirmation': 'Resent a confirmation email',
  'user.confirm': 'Confirmed a user by hand',
  'user.disable': 'Disabled a user',
  'user.enable': 'Enabled a user',
  'user.delete': 'Deleted a user',
  'users.bulk_resend': 'Resent to many users',
  'users.export': 'Exported users',
  'staff.create': 'Added a staff member',
  'staff.update': 'Changed a staff member',
  'staff.sign_in': 'Signed in',
  'staff.sign_in_failed': 'Failed to sign in',
  'staff.locked_out': 'Locked out after wrong passwords',
  'staff.lockout_lifted': 'Lifted a lockout',
  'user.suppression_lifted': 'Lifted a suppression',
  'user.sign_in_lockout_lifted': "Lifted a user's sign-in lockout",
} satisfies Record<AuditAction, string>;

export const AUDIT_ACTIONS = valuesOf(AUDIT_ACTION_LABELS);

export const TARGET_TYPE_LABELS = {
  user: 'user',
  staff: 'staff',
  users: 'users (bulk, export)',
} satisfies Record<AuditTargetType, string>;

export const TARGET_TYPES = valuesOf(TARGET_TYPE_LABELS);
const KEYS = ['staffId', 'action', 'targetType', 'targetId', 'from', 'to'] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The filter in a URL's query; values the API would refuse are left out. */
export function auditFilterFromParams(params: URLSearchParams): AuditFilter {
  const filter: AuditFilter = {};
  const staffId = params.get('staffId');
  if (staffId && UUID.test(staffId)) filter.staffId = staffId;
  const action = oneOf(AUDIT_ACTIONS, params.get('action'));
  if (action) filter.action = action;
  const targetType = oneOf(TARGET_TYPES, params.get('targetType'));
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
