import { useRef } from 'react';
import { Button } from '../../../components/ui/button';
import { SelectField, TextField } from '../../../components/ui/field';
import { useSettledText } from '../../../hooks/use-settled-text';
import { oneOf } from '../../../lib/api-enums';
import {
  DELIVERY_FILTER_LABELS,
  DELIVERY_FILTERS,
  USER_STATUS_LABELS,
  USER_STATUSES,
  useUsersFilter,
  type UsersFilter,
} from '../hooks/use-users-filter';

export function UsersFilters() {
  const { filter, sort, setFilter, setSort, clear } = useUsersFilter();
  const latest = useRef(filter);
  latest.current = filter;
  const change = (patch: Partial<UsersFilter>) => setFilter({ ...latest.current, ...patch });

  const [search, setSearch] = useSettledText(filter.q ?? '', (q) => change({ q: q || undefined }));
  const [days, setDays] = useSettledText(filter.pendingForDays?.toString() ?? '', (value) =>
    change({ pendingForDays: /^\d{1,4}$/.test(value) ? Number(value) : undefined }),
  );
  const filtered = Object.keys(filter).length > 0 || sort !== 'desc';

  return (
    <div className="filters" role="search" aria-label="Filter users">
      <TextField
        className="filters__search"
        label="Search by address"
        type="search"
        placeholder="part of an address, e.g. example.com"
        value={search}
        onChange={(event) => setSearch(event.target.value)}
      />
      <SelectField
        label="Status"
        value={filter.status ?? ''}
        onChange={(event) => change({ status: oneOf(USER_STATUSES, event.target.value) })}
      >
        <option value="">Any</option>
        {USER_STATUSES.map((status) => (
          <option key={status} value={status}>
            {USER_STATUS_LABELS[status]}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Latest email"
        value={filter.delivery ?? ''}
        onChange={(event) => change({ delivery: oneOf(DELIVERY_FILTERS, event.target.value) })}
      >
        <option value="">Any</option>
        {DELIVERY_FILTERS.map((state) => (
          <option key={state} value={state}>
            {DELIVERY_FILTER_LABELS[state]}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Address"
        value={filter.undeliverable ? 'undeliverable' : ''}
        onChange={(event) => change({ undeliverable: event.target.value === 'undeliverable' ? true : undefined })}
      >
        <option value="">Any</option>
        <option value="undeliverable">undeliverable (suppressed)</option>
      </SelectField>
      <TextField
        label="Signed up on or after"
        type="date"
        value={filter.createdAfter ?? ''}
        onChange={(event) => change({ createdAfter: event.target.value || undefined })}
      />
      <TextField
        label="Signed up before"
        type="date"
        value={filter.createdBefore ?? ''}
        onChange={(event) => change({ createdBefore: event.target.value || undefined })}
      />
      <TextField
        label="Pending longer than (days)"
        type="number"
        inputMode="numeric"
        min={0}
        max={3650}
        value={days}
        onChange={(event) => setDays(event.target.value)}
      />
      <SelectField
        label="Order"
        value={sort}
        onChange={(event) => setSort(event.target.value === 'asc' ? 'asc' : 'desc')}
      >
        <option value="desc">Newest first</option>
        <option value="asc">Oldest first</option>
      </SelectField>
      {filtered ? (
        <Button variant="ghost" className="filters__clear" onClick={clear}>
          Clear filters
        </Button>
      ) : null}
    </div>
  );
}
