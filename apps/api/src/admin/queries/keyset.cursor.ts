/**
 * Where a page ended in an order by (created_at, id). `createdAt` is PostgreSQL's own value in UTC to the
 * microsecond (see KEYSET_CREATED_AT_SQL): a JavaScript Date keeps only milliseconds, and a cursor rounded to
 * the millisecond would skip or repeat rows that share one.
 */
export interface KeysetPosition {
  createdAt: string;
  id: string;
}

/** Renders a timestamptz column as the exact text a cursor carries; `column` is a fixed column name, never input. */
export function keysetCreatedAtSql(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

const BASE64URL = /^[A-Za-z0-9_-]{1,200}$/;
const MICROSECOND_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SEPARATOR = '|';

/** The opaque cursor a client sends back for the next page: base64url of "<created_at>|<id>". */
export function encodeKeysetCursor(position: KeysetPosition): string {
  return Buffer.from(`${position.createdAt}${SEPARATOR}${position.id}`, 'utf8').toString('base64url');
}

/** The position a cursor stands for, or null when it is not one this service made (tampered, truncated, made up). */
export function decodeKeysetCursor(cursor: string): KeysetPosition | null {
  if (!BASE64URL.test(cursor)) return null;
  const [createdAt, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split(SEPARATOR);
  if (rest.length || createdAt === undefined || id === undefined || !UUID.test(id)) return null;
  const parts = MICROSECOND_INSTANT.exec(createdAt);
  if (!parts) return null;
  // PostgreSQL would refuse 2026-02-30 or 25:00 with an error; refuse it here so it cannot become a 500.
  const [year, month, day, hour, minute, second] = parts.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const exact =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second;
  return exact ? { createdAt, id: id.toLowerCase() } : null;
}
