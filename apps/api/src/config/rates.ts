import { parseDuration } from './durations';

/** At most `limit` events in any window of `windowMs`. */
export interface Rate {
  limit: number;
  windowMs: number;
}

/** "30/5m" (30 per 5 minutes), "1000/1h"; undefined when the text is not such a rate. */
export function parseRate(text: string): Rate | undefined {
  const match = /^(\d+)\s*\/\s*(\S+)$/.exec(text.trim());
  if (!match) return undefined;
  const windowMs = parseDuration(match[2]);
  if (windowMs === undefined) return undefined;
  return { limit: Number(match[1]), windowMs };
}
