import { Button } from '../../../components/ui/button';
import { SelectField, TextField } from '../../../components/ui/field';
import { useSettledText } from '../../../hooks/use-settled-text';
import { oneOf } from '../../../lib/api-enums';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_ACTIONS,
  TARGET_TYPE_LABELS,
  TARGET_TYPES,
  useAuditFilter,
  type AuditFilter,
} from '../hooks/use-audit-filter';

export function AuditFilters({ staffEmail }: { staffEmail?: string }) {
  const { filter, setFilter } = useAuditFilter();
  const change = (patch: Partial<AuditFilter>) => setFilter({ ...filter, ...patch });
  const [targetId, setTargetId] = useSettledText(filter.targetId ?? '', (value) =>
    change({ targetId: value || undefined }),
  );

  return (
    <div className="filters" role="search" aria-label="Filter the audit log">
      <SelectField
        label="Action"
        value={filter.action ?? ''}
        onChange={(event) => change({ action: oneOf(AUDIT_ACTIONS, event.target.value) })}
      >
        <option value="">Any</option>
        {AUDIT_ACTIONS.map((action) => (
          <option key={action} value={action}>
            {AUDIT_ACTION_LABELS[action]} ({action})
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Target"
        value={filter.targetType ?? ''}
        onChange={(event) =>
          change({
            targetType: oneOf(TARGET_TYPES, event.target.value),
            targetId: event.target.value ? filter.targetId : undefined,
          })
        }
      >
        <option value="">Anything</option>
        {TARGET_TYPES.map((type) => (
          <option key={type} value={type}>
            {TARGET_TYPE_LABELS[type]}
          </option>
        ))}
      </SelectField>
      <TextField
        label="Target id"
        value={targetId}
        disabled={!filter.targetType}
        hint={filter.targetType ? undefined : 'Choose a target first.'}
        onChange={(event) => setTargetId(event.target.value)}
      />
      <TextField
        label="From (UTC day)"
        type="date"
        value={filter.from ?? ''}
        onChange={(event) => change({ from: event.target.value || undefined })}
      />
      <TextField
        label="Before (UTC day)"
        type="date"
        value={filter.to ?? ''}
        onChange={(event) => change({ to: event.target.value || undefined })}
      />
      {filter.staffId ? (
        <p className="filters__chip">
          Only by {staffEmail ?? 'one staff member'}{' '}
          <Button variant="ghost" onClick={() => change({ staffId: undefined })}>
            Show everyone
          </Button>
        </p>
      ) : null}
      {Object.keys(filter).length ? (
        <Button variant="ghost" className="filters__clear" onClick={() => setFilter({})}>
          Clear filters
        </Button>
      ) : null}
    </div>
  );
}
