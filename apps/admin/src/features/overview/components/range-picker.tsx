import { useEffect, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/field';
import { addDays, utcDay } from '../../../lib/format';
import type { StatsRange } from '../api/get-stats';

const PRESETS = [7, 30, 90, 365];
export const MAX_RANGE_DAYS = 366;

/** Why a range cannot be asked for, or undefined when it can. */
export function rangeProblem({ from, to }: StatsRange): string | undefined {
  const day = /^\d{4}-\d{2}-\d{2}$/;
  if (!day.test(from) || !day.test(to)) return 'Choose both days.';
  if (from > to) return 'The first day comes after the last.';
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
  if (days > MAX_RANGE_DAYS) return `Choose at most ${MAX_RANGE_DAYS} days.`;
  return undefined;
}

export function lastDays(days: number, today = utcDay(new Date())): StatsRange {
  return { from: addDays(today, 1 - days), to: today };
}

export function RangePicker({ range, onChange }: { range: StatsRange; onChange: (range: StatsRange) => void }) {
  const [draft, setDraft] = useState(range);
  useEffect(() => setDraft(range), [range]);
  const problem = rangeProblem(draft);
  const apply = (next: StatsRange) => {
    setDraft(next);
    if (!rangeProblem(next)) onChange(next);
  };
  return (
    <fieldset className="range-picker">
      <legend>Range (UTC days)</legend>
      <div className="range-picker__presets" role="group" aria-label="Quick ranges">
        {PRESETS.map((days) => {
          const preset = lastDays(days);
          const active = preset.from === range.from && preset.to === range.to;
          return (
            <Button
              key={days}
              variant={active ? 'primary' : 'secondary'}
              aria-pressed={active}
              onClick={() => apply(preset)}
            >
              Last {days} days
            </Button>
          );
        })}
      </div>
      <div className="range-picker__days">
        <TextField
          label="From"
          type="date"
          value={draft.from}
          max={draft.to}
          onChange={(event) => apply({ ...draft, from: event.target.value })}
        />
        <TextField
          label="To"
          type="date"
          value={draft.to}
          min={draft.from}
          onChange={(event) => apply({ ...draft, to: event.target.value })}
          error={problem}
        />
      </div>
    </fieldset>
  );
}
