import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type DeliveryState } from '@gatehouse/domain/mail/delivery-record';
import { latestEmailJoin } from '@gatehouse/infrastructure/persistence/email-outbox.record';
import { activeSuppressionOf } from '@gatehouse/infrastructure/persistence/suppression.record';
import { type UserStatus } from '@gatehouse/domain/users/user-status';
import { UserListItemResponseDto } from './dto/user-list-item.response.dto';
import { UsersFilterRequestDto } from './dto/users-filter.request.dto';
import { DEFAULT_PAGE_SIZE, type SortDirection, UsersListRequestDto } from './dto/users-list.request.dto';
import { UsersPageResponseDto } from './dto/users-page.response.dto';
import { instantFrom } from './instant';
import { decodeKeysetCursor, encodeKeysetCursor, keysetCreatedAtSql, type KeysetPosition } from './keyset.cursor';

const DAY_MS = 86_400_000;
export const EXPORT_BATCH_SIZE = 1000;

// The newest email of each user, as `latest` (state, template, created_at).
const LATEST_DELIVERY_JOIN = latestEmailJoin('u', 'latest');

// Column and keyword text from fixed tables, never from input: the keyset walks (created_at, id) either way.
const ORDER = {
  asc: { by: 'u.created_at ASC, u.id ASC', after: '>' },
  desc: { by: 'u.created_at DESC, u.id DESC', after: '<' },
} as const satisfies Record<SortDirection, { by: string; after: string }>;

interface UserRow {
  id: string;
  email: string;
  status: UserStatus;
  locale: string;
  created_at: Date;
  confirmed_at: Date | null;
  position: string;
  delivery_state: DeliveryState | null;
  delivery_template: string | null;
  delivery_created_at: Date | null;
}

interface Page {
  items: UserListItemResponseDto[];
  next: KeysetPosition | null;
}

/** Collects numbered parameters; SQL text gets only `$n` placeholders. */
class SqlParameters {
  readonly values: unknown[] = [];

  bind(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * The back office's list of users: filters, search, keyset pages by creation time, and the same filtered set
 * for exports and bulk resends. Reads PostgreSQL directly; there is no rule to guard when reading.
 */
@Injectable()
export class UsersDirectoryQuery {
  constructor(private readonly dataSource: DataSource) {}

  async list(request: UsersListRequestDto, now: Date): Promise<UsersPageResponseDto> {
    const after = request.cursor === undefined ? null : decodeKeysetCursor(request.cursor);
    if (request.cursor !== undefined && after === null) {
      throw new RangeError('cursor is not a cursor of this list: validate it with IsKeysetCursor');
    }
    const [page, total] = await Promise.all([
      this.page(request, now, request.sort ?? 'desc', after, request.limit ?? DEFAULT_PAGE_SIZE),
      this.count(request, now),
    ]);
    return { items: page.items, nextCursor: page.next && encodeKeysetCursor(page.next), total };
  }

  /** How many users match the filters. */
  async count(filter: UsersFilterRequestDto, now: Date): Promise<number> {
    return this.countWhere(filter, now, []);
  }

  /** Every matching user, oldest first, a keyset page at a time: an export never holds the whole set. */
  async *batches(
    filter: UsersFilterRequestDto,
    now: Date,
    batchSize = EXPORT_BATCH_SIZE,
  ): AsyncGenerator<UserListItemResponseDto[]> {
    let after: KeysetPosition | null = null;
    do {
      const page: Page = await this.page(filter, now, 'asc', after, batchSize);
      if (page.items.length) yield page.items;
      after = page.next;
    } while (after);
  }

  /**
   * The ids of the pending users among those matching the filters, oldest first: whom a bulk resend reaches.
   * `max` caps how many come back (the oldest ones).
   */
  async pendingIds(filter: UsersFilterRequestDto, now: Date, max?: number): Promise<string[]> {
    const parameters = new SqlParameters();
    const { join, where } = this.conditions(filter, now, parameters, [`u.status = 'pending'`]);
    const limit = max === undefined ? '' : `LIMIT ${parameters.bind(max)}`;
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT u.id FROM users u ${join} ${where} ORDER BY ${ORDER.asc.by} ${limit}`,
      parameters.values,
    );
    return rows.map((row) => row.id);
  }

  /** How many users a bulk resend with these filters would reach: the dry run. */
  async countPending(filter: UsersFilterRequestDto, now: Date): Promise<number> {
    return this.countWhere(filter, now, [`u.status = 'pending'`]);
  }

  /** Of those, how many the run will skip because their address is suppressed now. */
  async countPendingSuppressed(filter: UsersFilterRequestDto, now: Date): Promise<number> {
    return this.countWhere({ ...filter, undeliverable: true }, now, [`u.status = 'pending'`]);
  }

  private async countWhere(filter: UsersFilterRequestDto, now: Date, extra: string[]): Promise<number> {
    if (!extra.length && countedByStatus(filter)) {
      // Everyone, or everyone in one status: the counts the triggers keep (user_counts), not a million rows.
      const [counted] = await this.dataSource.query<{ total: number }[]>(
        filter.status === undefined
          ? 'SELECT coalesce(sum(users), 0)::int AS total FROM user_counts'
          : 'SELECT coalesce(sum(users), 0)::int AS total FROM user_counts WHERE status = $1',
        filter.status === undefined ? [] : [filter.status],
      );
      return counted?.total ?? 0;
    }
    const parameters = new SqlParameters();
    const { join, where } = this.conditions(filter, now, parameters, extra);
    const [row] = await this.dataSource.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM users u ${join} ${where}`,
      parameters.values,
    );
    return row?.total ?? 0;
  }

  private async page(
    filter: UsersFilterRequestDto,
    now: Date,
    sort: SortDirection,
    after: KeysetPosition | null,
    limit: number,
  ): Promise<Page> {
    const order = ORDER[sort];
    const parameters = new SqlParameters();
    const keyset = after
      ? [
          `(u.created_at, u.id) ${order.after} (${parameters.bind(after.createdAt)}::timestamptz, ${parameters.bind(after.id)}::uuid)`,
        ]
      : [];
    const { where } = this.conditions(filter, now, parameters, keyset);
    // One row more than the page says whether another page follows.
    const rows = await this.dataSource.query<UserRow[]>(
      `SELECT u.id, u.email, u.status, u.locale, u.created_at, u.confirmed_at,
              ${keysetCreatedAtSql('u.created_at')} AS position,
              latest.state AS delivery_state, latest.template AS delivery_template,
              latest.created_at AS delivery_created_at
         FROM users u ${LATEST_DELIVERY_JOIN}
         ${where}
        ORDER BY ${order.by}
        LIMIT ${parameters.bind(limit + 1)}`,
      parameters.values,
    );
    const shown = rows.slice(0, limit);
    const last = shown.at(-1);
    return {
      items: shown.map(toItem),
      next: rows.length > limit && last ? { createdAt: last.position, id: last.id } : null,
    };
  }

  private conditions(
    filter: UsersFilterRequestDto,
    now: Date,
    parameters: SqlParameters,
    extra: string[] = [],
  ): { join: string; where: string } {
    const clauses: string[] = [];
    if (filter.status !== undefined) clauses.push(`u.status = ${parameters.bind(filter.status)}`);
    if (filter.createdAfter !== undefined) {
      const instant = instantFrom(filter.createdAfter, 'createdAfter');
      clauses.push(`u.created_at >= ${parameters.bind(instant.toISOString())}::timestamptz`);
    }
    if (filter.createdBefore !== undefined) {
      const instant = instantFrom(filter.createdBefore, 'createdBefore');
      clauses.push(`u.created_at < ${parameters.bind(instant.toISOString())}::timestamptz`);
    }
    if (filter.pendingForDays !== undefined) {
      // Whole days of 24 hours back from `now`, whatever the server's time zone and its daylight saving.
      const cutoff = new Date(now.getTime() - filter.pendingForDays * DAY_MS);
      clauses.push(`u.status = 'pending'`, `u.created_at < ${parameters.bind(cutoff.toISOString())}::timestamptz`);
    }
    if (filter.q !== undefined && filter.q !== '') {
      // The pattern stays a parameter; its own % and _ match themselves. lower() on both sides, as in the index.
      clauses.push(`lower(u.email) LIKE '%' || lower(${parameters.bind(escapeLike(filter.q))}) || '%'`);
    }
    if (filter.undeliverable !== undefined) {
      const suppressed = activeSuppressionOf('u.email_normalized', parameters.bind(now.toISOString()));
      clauses.push(filter.undeliverable ? suppressed : `NOT ${suppressed}`);
    }
    let join = '';
    if (filter.delivery !== undefined) {
      join = LATEST_DELIVERY_JOIN;
      clauses.push(
        filter.delivery === 'none' ? 'latest.state IS NULL' : `latest.state = ${parameters.bind(filter.delivery)}`,
      );
    }
    clauses.push(...extra);
    return { join, where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '' };
  }
}

// Request fields that do not narrow the set: a filter of these (and a status) is counted by user_counts.
const NOT_NARROWING: ReadonlySet<string> = new Set(['status', 'sort', 'cursor', 'limit']);

/** Whether the filter asks for nothing but (at most) a status; any other filter, even a new one, counts rows. */
function countedByStatus(filter: UsersFilterRequestDto): boolean {
  return Object.entries(filter).every(([key, value]) => NOT_NARROWING.has(key) || value === undefined || value === '');
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

function toItem(row: UserRow): UserListItemResponseDto {
  return {
    id: row.id,
    email: row.email,
    status: row.status,
    locale: row.locale,
    createdAt: row.created_at,
    confirmedAt: row.confirmed_at,
    latestDelivery:
      row.delivery_state && row.delivery_template && row.delivery_created_at
        ? { state: row.delivery_state, template: row.delivery_template, createdAt: row.delivery_created_at }
        : null,
  };
}
