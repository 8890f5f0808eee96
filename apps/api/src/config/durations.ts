const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "30s", "5m", "24h", "250ms", "7d" to milliseconds; undefined when the text is not such a duration. */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(text.trim());
  if (!match) return undefined;
  return Math.round(Number(match[1]) * UNITS[match[2]]);
}

export type DurationUnit = 'day' | 'hour' | 'minute' | 'second';

/** 86400000 to {count: 1, unit: 'day'}: the largest whole unit, for sentences shown to people. */
export function durationParts(ms: number): { count: number; unit: DurationUnit } {
  const units: Array<[number, DurationUnit]> = [
    [86_400_000, 'day'],
    [3_600_000, 'hour'],
    [60_000, 'minute'],
    [1000, 'second'],
  ];
  for (const [size, unit] of units) {
    if (ms >= size && ms % size === 0) return { count: ms / size, unit };
  }
  return { count: Math.ceil(ms / 1000), unit: 'second' };
}

/**
 * A wait rounded up to what a person reads: seconds under a minute, whole minutes under two hours, then
 * whole hours ("try again in 4 minutes" for 3 min 10 s). Rounding up never tells anyone to come back too soon.
 */
export function roundUpForPeople(ms: number): number {
  const units = [1000, 60_000, 3_600_000];
  const size = ms < 60_000 ? units[0] : ms < 7_200_000 ? units[1] : units[2];
  return Math.max(1, Math.ceil(ms / size)) * size;
}
