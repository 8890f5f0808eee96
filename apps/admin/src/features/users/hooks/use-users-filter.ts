import { useSearchParams } from 'react-router';
import { oneOf, valuesOf, type DeliveryFilter, type SortDirection, type UserStatus } from '../../../lib/api-enums';
import type { components } from '../../../lib/api-schema';

export type UsersFilter = components['schemas']['UsersFilterRequestDto'];

/** What the filters' lists call each status and state, in the lists' order. */
export const USER_STATUS_LABELS = {
  pending: 'pending',
  active: 'active',
  disabled: 'disabled',
} satisfies Record<UserStatus, string>;

export const DELIVERY_FILTER_LABELS = {
  queued: 'queued',
  sending: 'sending',
  sent: 'sent',
  failed: 'failed',
  suppressed: 'not sent (suppressed)',
  none: 'never emailed',
} satisfies Record<DeliveryFilter, string>;

export const USER_STATUSES = valuesOf(USER_STATUS_LABELS);
export const DELIVERY_FILTERS = valuesOf(DELIVERY_FILTER_LABELS);
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The filter a URL's query describes; anything the API would refuse is left out rather than sent. */
export function filterFromParams(params: URLSearchParams): UsersFilter {
  const days = params.get('pendingForDays');
  const pendingForDays = days !== null && /^\d{1,4}$/.test(days) ? Number(days) : undefined;
  const day = (name: string) => {
    const value = params.get(name);
    return value && DAY.test(value) ? value : undefined;
  };
  const filter: UsersFilter = {
    q: params.get('q')?.trim() || undefined,
    status: oneOf(USER_STATUSES, params.get('status')),
    createdAfter: day('createdAfter'),
    createdBefore: day('createdBefore'),
    pendingForDays: pendingForDays !== undefined && pendingForDays <= 3650 ? pendingForDays : undefined,
    delivery: oneOf(DELIVERY_FILTERS, params.get('delivery')),
    undeliverable: params.get('undeliverable') === 'true' ? true : undefined,
  };
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined)) as UsersFilter;
}

export function sortFromParams(params: URLSearchParams): SortDirection {
  return params.get('sort') === 'asc' ? 'asc' : 'desc';
}

/** The URL query for a filter and order (the first page: a new filter starts over). */
export function paramsFor(filter: UsersFilter, sort: SortDirection): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  if (sort === 'asc') params.set('sort', 'asc');
  return params;
}

/** The users filter and order, read from and written to the URL, so a link shares exactly this view. */
export function useUsersFilter() {
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const sort = sortFromParams(params);
  return {
    filter,
    sort,
    setFilter: (next: UsersFilter) => setParams(paramsFor(next, sort), { replace: true }),
    setSort: (next: SortDirection) => setParams(paramsFor(filter, next), { replace: true }),
    clear: () => setParams(new URLSearchParams(), { replace: true }),
  };
}
