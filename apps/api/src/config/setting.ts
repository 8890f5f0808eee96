import { parseDuration } from './durations';
import { parseRate, type Rate } from './rates';

/** What a parser makes of one variable: its value, or what is wrong with it in words a person can act on. */
export type Parsed<T> = { value: T } | { problem: string };

export interface Setting<T> {
  variable: string;
  /** The default as a person would write it; undefined means "not set". */
  fallback: string | ((env: NodeJS.ProcessEnv) => string) | undefined;
  description: string;
  parse(raw: string): Parsed<T>;
  /** Set only by setting.optional: the value is undefined when the variable is unset and has no default. */
  optional?: true;
}

/** One setting; its type is its parser's. */
export function setting<T>(definition: Setting<T>): Setting<T> {
  return definition;
}

/** A setting that may stay unset: its value is then undefined, and its type says so. */
setting.optional = <T>(definition: Setting<T>): Setting<T | undefined> => ({
  ...definition,
  fallback: undefined,
  optional: true,
});

/** The values of an area's settings, as loadConfig fills them. */
export type SettingValues<Area> = { [Key in keyof Area]: Area[Key] extends Setting<infer T> ? T : never };

export const integer =
  (min: number, max: number) =>
  (raw: string): Parsed<number> => {
    const value = Number(raw);
    return /^\d+$/.test(raw.trim()) && value >= min && value <= max
      ? { value }
      : { problem: `must be a whole number from ${min} to ${max}` };
  };

export const duration =
  (minMs: number) =>
  (raw: string): Parsed<number> => {
    const value = parseDuration(raw);
    if (value === undefined) return { problem: 'must be a duration such as 250ms, 30s, 5m, 24h or 7d' };
    return value >= minMs ? { value } : { problem: `must be at least ${minMs} ms` };
  };

export const url =
  (protocols: string[]) =>
  (raw: string): Parsed<string> => {
    try {
      const parsed = new URL(raw);
      return protocols.includes(parsed.protocol)
        ? { value: raw }
        : { problem: `must start with ${protocols.map((p) => `${p}//`).join(' or ')}` };
    } catch {
      return { problem: 'must be a URL' };
    }
  };

/** "30/5m": a whole number of events per window; the window at least a second, the count at least one. */
export const rate = (raw: string): Parsed<Rate> => {
  const value = parseRate(raw);
  if (!value) return { problem: 'must be a count per duration such as 30/5m, 10/60s or 1000/1h' };
  if (value.limit < 1 || value.limit > 10_000_000) return { problem: 'must allow from 1 to 10000000 per window' };
  if (value.windowMs < 1000) return { problem: 'must have a window of at least 1s' };
  return { value };
};

export const flag = (raw: string): Parsed<boolean> =>
  ['true', 'false'].includes(raw.trim().toLowerCase())
    ? { value: raw.trim().toLowerCase() === 'true' }
    : { problem: 'must be true or false' };

export const text = (raw: string): Parsed<string> =>
  raw.trim() ? { value: raw.trim() } : { problem: 'must not be empty' };

/** One of the given words, typed as them. */
export const oneOf =
  <Word extends string>(words: readonly Word[]) =>
  (raw: string): Parsed<Word> =>
    (words as readonly string[]).includes(raw)
      ? { value: raw as Word }
      : { problem: `must be ${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}` };

/** A comma-separated list whose every item passes `valid`; an empty list is allowed. */
export const list =
  (valid: (item: string) => boolean, what: string) =>
  (raw: string): Parsed<string[]> => {
    const items = raw
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
    const bad = items.find((item) => !valid(item));
    return bad === undefined ? { value: items } : { problem: `must list ${what}, "${bad}" is not one` };
  };
