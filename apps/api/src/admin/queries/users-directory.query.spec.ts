import { createHash } from 'node:crypto';
import { type ArgumentMetadata, BadRequestException } from '@nestjs/common';
import { type DataSource } from 'typeorm';
import { createValidationPipe } from '../../http/validation.pipe';
import { UsersFilterRequestDto } from './dto/users-filter.request.dto';
import { type SortDirection, UsersListRequestDto } from './dto/users-list.request.dto';
import { encodeKeysetCursor } from './keyset.cursor';
import { migratedTestDatabase, type MigratedTestDatabase } from './testing/migrated-test-database';
import { writeUsersCsv } from './users-csv.writer';
import { UsersDirectoryQuery } from './users-directory.query';

// The seed, once in SQL (one INSERT ... SELECT over generate_series) and once here in TypeScript, so every
// expectation is computed without the code under test. Times are in microseconds: PostgreSQL keeps them.
const USERS = 10_000;
const BASE_MICROS = BigInt(Date.parse('2025-01-01T00:00:00Z')) * 1000n;
const STEP_MICROS = 3_197_123_457n; // 53 min 17.123457 s: every creation time has microseconds
// Users i and i + 5000 share a creation time (7919 is prime to 5000), so the id has to break ties.
const slot = (i: number) => (i * 7919) % 5000;
const NOW = new Date('2025-07-10T00:00:00Z');

const SEED_USERS_SQL = `
  INSERT INTO users (id, email, email_normalized, password_hash, status, locale, created_at, confirmed_at, updated_at)
  SELECT md5('user-' || i)::uuid, email, lower(email), 'hash',
         CASE WHEN i % 10 < 3 THEN 'pending' WHEN i % 10 = 9 THEN 'disabled' ELSE 'active' END,
         CASE WHEN i % 3 = 0 THEN 'de' ELSE 'en' END,
         created_at,
         CASE WHEN i % 10 < 3 THEN NULL ELSE created_at + (i % 7 + 1) * interval '1 hour' END,
         created_at
    FROM generate_series(1, ${USERS}) AS i,
         LATERAL (SELECT CASE i % 4
                           WHEN 0 THEN 'User' || i || '@Example.COM'
                           WHEN 1 THEN 'user' || i || '+news@dept.example.org'
                           WHEN 2 THEN 'First.Last' || i || '@Mail.test'
                           ELSE 'zed_' || i || '%odd@example.net'
                         END AS email,
                         timestamptz '2025-01-01T00:00:00Z' + ((i * 7919) % 5000) * interval '3197.123457 seconds'
                           AS created_at) AS generated`;

// Per i % 6: none; sent; failed; queued; failed then sent (+ a newer failed webhook); sending (+ a newer webhook).
const SEED_OUTBOX_SQL = `
  INSERT INTO email_outbox (id, user_id, channel, template, locale, recipient, recipient_normalized, state, attempts,
                            next_attempt_at, message_id, created_at, sent_at)
  SELECT gen_random_uuid(), md5('user-' || i)::uuid, r.channel, r.template, 'en', 'someone@example.com',
         'someone@example.com', r.state, 1, at, 'message-' || i || '-' || r.n, at,
         CASE WHEN r.state = 'sent' THEN at END
    FROM generate_series(1, ${USERS}) AS i
    JOIN (VALUES (1, 1, 'email', 'confirmation', 'sent'),
                 (2, 1, 'email', 'confirmation', 'failed'),
                 (3, 1, 'email', 'confirmation', 'queued'),
                 (4, 1, 'email', 'confirmation', 'failed'),
                 (4, 2, 'email', 'already-registered', 'sent'),
                 (4, 3, 'webhook', 'user.registered', 'failed'),
                 (5, 1, 'email', 'confirmation', 'sending'),
                 (5, 2, 'webhook', 'user.registered', 'queued')) AS r (kind, n, channel, template, state)
      ON r.kind = i % 6,
         LATERAL (SELECT timestamptz '2025-01-01T00:00:00Z' + ((i * 7919) % 5000) * interval '3197.123457 seconds'
                         + r.n * interval '1 minute' AS at) AS timing`;

interface SeededUser {
  i: number;
  id: string;
  email: string;
  status: 'pending' | 'active' | 'disabled';
  createdMicros: bigint;
  delivery: 'queued' | 'sending' | 'sent' | 'failed' | 'none';
}

function seededUser(i: number): SeededUser {
  const hex = createHash('md5').update(`user-${i}`).digest('hex');
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  const email = [
    `User${i}@Example.COM`,
    `user${i}+news@dept.example.org`,
    `First.Last${i}@Mail.test`,
    `zed_${i}%odd@example.net`,
  ][i % 4]!;
  const status = i % 10 < 3 ? 'pending' : i % 10 === 9 ? 'disabled' : 'active';
  const delivery = (['none', 'sent', 'failed', 'queued', 'sent', 'sending'] as const)[i % 6]!;
  return { i, id, email, status, createdMicros: BASE_MICROS + BigInt(slot(i)) * STEP_MICROS, delivery };
}

const SEEDED = Array.from({ length: USERS }, (_, index) => seededUser(index + 1));
const micros = (iso: string) => BigInt(Date.parse(iso)) * 1000n;

function expectedIds(filter: UsersFilterRequestDto, sort: SortDirection = 'desc'): string[] {
  const matching = SEEDED.filter(
    (user) =>
      (filter.status === undefined || user.status === filter.status) &&
      (filter.createdAfter === undefined || user.createdMicros >= micros(filter.createdAfter)) &&
      (filter.createdBefore === undefined || user.createdMicros < micros(filter.createdBefore)) &&
      (filter.pendingForDays === undefined ||
        (user.status === 'pending' &&
          user.createdMicros < micros(NOW.toISOString()) - BigInt(filter.pendingForDays) * 86_400_000_000n)) &&
      (filter.delivery === undefined || user.delivery === filter.delivery) &&
      (!filter.q || user.email.toLowerCase().includes(filter.q.toLowerCase())),
  );
  const ascending = matching.sort((a, b) =>
    a.createdMicros === b.createdMicros ? (a.id < b.id ? -1 : 1) : a.createdMicros < b.createdMicros ? -1 : 1,
  );
  return (sort === 'asc' ? ascending : ascending.reverse()).map((user) => user.id);
}

interface Plan {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  'Index Cond'?: string;
  'Scan Direction'?: string;
  Plans?: Plan[];
}

function nodes(plan: Plan): Plan[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

describe('UsersDirectoryQuery on 10,000 seeded users', () => {
  let database: MigratedTestDatabase;
  let dataSource: DataSource;
  let directory: UsersDirectoryQuery;

  beforeAll(async () => {
    database = await migratedTestDatabase();
    dataSource = database.dataSource;
    await dataSource.query(SEED_USERS_SQL);
    await dataSource.query(SEED_OUTBOX_SQL);
    // VACUUM as well: rows inserted since the last one wait in the GIN index's pending list, which the planner
    // prices as a full read (autovacuum empties it in a running system).
    await dataSource.query('VACUUM ANALYZE users, email_outbox');
    directory = new UsersDirectoryQuery(dataSource);
  });

  afterAll(async () => {
    await database.close();
  });

  async function walk(request: UsersListRequestDto): Promise<{ ids: string[]; totals: Set<number>; pages: number }> {
    const ids: string[] = [];
    const totals = new Set<number>();
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await directory.list({ ...request, cursor }, NOW);
      pages += 1;
      ids.push(...page.items.map((item) => item.id));
      totals.add(page.total);
      expect(page.items.length).toBeLessThanOrEqual(request.limit ?? 50);
      if (page.nextCursor) expect(page.items).toHaveLength(request.limit ?? 50);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return { ids, totals, pages };
  }

  it('seeds what the model says', async () => {
    const [row] = await dataSource.query<{ users: number; pending: number; ties: number }[]>(
      `SELECT count(*)::int AS users, count(*) FILTER (WHERE status = 'pending')::int AS pending,
              (SELECT count(*)::int FROM (SELECT created_at FROM users GROUP BY 1 HAVING count(*) > 1) t) AS ties
         FROM users`,
    );
    expect(row).toEqual({ users: USERS, pending: 3000, ties: 5000 });
    const sample = await directory.list({ q: SEEDED[4]!.email, limit: 5 }, NOW);
    expect(sample.items.map((item) => [item.id, item.email])).toEqual([[SEEDED[4]!.id, SEEDED[4]!.email]]);
  });

  // An odd page size ends pages between two users created at the same microsecond.
  it.each<[SortDirection, number, number]>([
    ['desc', 100, 100],
    ['asc', 99, 102],
  ])('walks all 10,000 users by cursor, %s, %i a page, each once, in order', async (sort, limit, pageCount) => {
    const { ids, totals, pages } = await walk({ sort, limit });
    expect(pages).toBe(pageCount);
    expect(ids).toEqual(expectedIds({}, sort));
    expect([...totals]).toEqual([USERS]);
  });

  it('answers 50 newest first by default', async () => {
    const page = await directory.list({}, NOW);
    expect(page.items.map((item) => item.id)).toEqual(expectedIds({}).slice(0, 50));
    expect(page.total).toBe(USERS);
    expect(page.nextCursor).toEqual(expect.any(String));
  });

  const FILTERS: [string, UsersFilterRequestDto, SortDirection][] = [
    ['pending', { status: 'pending' }, 'desc'],
    ['disabled, oldest first', { status: 'disabled' }, 'asc'],
    ['created in a window', { createdAfter: '2025-03-01', createdBefore: '2025-04-15T12:30:00+02:00' }, 'desc'],
    ['created after an instant with microseconds', { createdAfter: '2025-06-30T23:59:59.999999Z' }, 'asc'],
    ['pending for more than 100 days', { pendingForDays: 100 }, 'desc'],
    ['pending for more than 0 days, status active', { pendingForDays: 0, status: 'active' }, 'desc'],
    ['latest email failed', { delivery: 'failed' }, 'desc'],
    ['no email ever', { delivery: 'none' }, 'asc'],
    ['active with a sent email (webhooks ignored)', { status: 'active', delivery: 'sent' }, 'desc'],
    ['sending (a newer webhook ignored)', { delivery: 'sending' }, 'asc'],
    ['search, any case', { q: '+NEWS@DEPT' }, 'desc'],
    ['search for a prefix of many', { q: 'user12' }, 'asc'],
    ['search with _ taken literally', { q: 'd_' }, 'desc'],
    ['search with % taken literally', { q: '1%O' }, 'desc'],
    ['search with a backslash', { q: '\\' }, 'desc'],
    [
      'everything at once',
      { status: 'pending', q: 'example', delivery: 'queued', createdAfter: '2025-02-01', createdBefore: '2025-06-01' },
      'asc',
    ],
  ];

  it.each(FILTERS)('filters: %s', async (_name, filter, sort) => {
    const expected = expectedIds(filter, sort);
    const { ids, totals } = await walk({ ...filter, sort, limit: 99 });
    expect(ids).toEqual(expected);
    expect([...totals]).toEqual([expected.length]);
    expect(await directory.count(filter, NOW)).toBe(expected.length);
  });

  it('finds the narrow cases the filters are about', () => {
    expect(expectedIds({ q: 'd_' })).toHaveLength(2500);
    expect(expectedIds({ q: '1%O' }).length).toBeGreaterThan(0);
    expect(expectedIds({ q: '\\' })).toHaveLength(0);
    expect(expectedIds({ pendingForDays: 0, status: 'active' })).toHaveLength(0);
    expect(expectedIds({ createdAfter: '2025-06-30T23:59:59.999999Z' }).length).toBeGreaterThan(0);
  });

  it('returns each item with its latest email, never a webhook', async () => {
    const user = SEEDED.find((candidate) => candidate.i % 6 === 4)!;
    const page = await directory.list({ q: user.email }, NOW);
    expect(page.items).toEqual([
      {
        id: user.id,
        email: user.email,
        status: user.status,
        locale: user.i % 3 === 0 ? 'de' : 'en',
        createdAt: expect.any(Date),
        confirmedAt: user.status === 'pending' ? null : expect.any(Date),
        latestDelivery: { state: 'sent', template: 'already-registered', createdAt: expect.any(Date) },
      },
    ]);
    const none = SEEDED.find((candidate) => candidate.i % 6 === 0)!;
    expect((await directory.list({ q: none.email }, NOW)).items[0]?.latestDelivery).toBeNull();
  });

  it('answers an empty page without a cursor', async () => {
    expect(await directory.list({ q: 'nobody-has-this-address' }, NOW)).toEqual({
      items: [],
      nextCursor: null,
      total: 0,
    });
  });

  it('yields the filtered users in batches for an export, oldest first', async () => {
    const filter: UsersFilterRequestDto = { status: 'active', createdBefore: '2025-05-01' };
    const batches: string[][] = [];
    for await (const batch of directory.batches(filter, NOW, 700)) batches.push(batch.map((user) => user.id));
    expect(batches.flat()).toEqual(expectedIds(filter, 'asc'));
    expect(batches.slice(0, -1).every((batch) => batch.length === 700)).toBe(true);

    let lines = 0;
    for await (const chunk of writeUsersCsv(directory.batches(filter, NOW))) lines += chunk.split('\r\n').length - 1;
    expect(lines).toBe(expectedIds(filter).length + 1);
  });

  it('lists the pending users a bulk resend would reach, and counts them for a dry run', async () => {
    const filter: UsersFilterRequestDto = { pendingForDays: 30, delivery: 'failed' };
    const expected = expectedIds(filter, 'asc');
    expect(expected.length).toBeGreaterThan(100);
    expect(await directory.pendingIds(filter, NOW)).toEqual(expected);
    expect(await directory.pendingIds(filter, NOW, 25)).toEqual(expected.slice(0, 25));
    expect(await directory.countPending(filter, NOW)).toBe(expected.length);

    const everyone: UsersFilterRequestDto = { q: 'example.com' };
    expect(await directory.pendingIds(everyone, NOW)).toEqual(expectedIds({ ...everyone, status: 'pending' }, 'asc'));
    expect(await directory.countPending({ status: 'active' }, NOW)).toBe(0);
    expect(await directory.pendingIds({ status: 'disabled' }, NOW)).toEqual([]);
  });

  describe('request validation (through the application ValidationPipe)', () => {
    const pipe = createValidationPipe();
    const metadata: ArgumentMetadata = { type: 'query', metatype: UsersListRequestDto };

    async function problems(query: Record<string, unknown>): Promise<{ field: string; message: string }[]> {
      try {
        await pipe.transform(query, metadata);
      } catch (error) {
        expect(error).toBeInstanceOf(BadRequestException);
        return ((error as BadRequestException).getResponse() as { errors: { field: string; message: string }[] })
          .errors;
      }
      return [];
    }

    it('turns query strings into a typed request', async () => {
      const cursor = encodeKeysetCursor({ createdAt: '2025-02-01T10:00:00.123456Z', id: SEEDED[0]!.id });
      await expect(
        pipe.transform({ limit: '20', pendingForDays: '7', sort: 'asc', status: 'pending', cursor }, metadata),
      ).resolves.toEqual({ limit: 20, pendingForDays: 7, sort: 'asc', status: 'pending', cursor });
    });

    it.each([
      ['cursor', 'not a cursor!'],
      ['cursor', 'AAAA'],
      [
        'cursor',
        Buffer.from(`2025-02-30T00:00:00.000000Z|${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`).toString(
          'base64url',
        ),
      ],
      ['cursor', Buffer.from('2025-02-01T00:00:00.000000Z|1; DROP TABLE users').toString('base64url')],
      ['limit', '0'],
      ['limit', '101'],
      ['limit', 'ten'],
      ['limit', '2.5'],
      ['status', 'deleted'],
      ['delivery', 'bounced'],
      ['sort', 'sideways'],
      ['createdAfter', '2025-02-30'],
      ['createdAfter', '2025-02-01T10:00:00'],
      ['createdBefore', 'yesterday'],
      ['pendingForDays', '-1'],
      ['q', 'x'.repeat(255)],
      ['unknown', 'x'],
    ])('refuses %s=%j with a 400 naming the field', async (field, value) => {
      const found = await problems({ [field]: value });
      expect(found).toEqual([{ field, message: expect.any(String) }]);
    });

    it('refuses a malformed cursor before any SQL even when called directly', async () => {
      await expect(directory.list({ cursor: 'garbage' }, NOW)).rejects.toThrow(RangeError);
    });
  });

  describe('query plans (EXPLAIN after ANALYZE)', () => {
    async function planOfPage(request: UsersListRequestDto): Promise<Plan[]> {
      const spy = jest.spyOn(dataSource, 'query');
      try {
        await directory.list(request, NOW);
        const call = spy.mock.calls.find(([sql]) => sql.includes('AS position'));
        if (!call) throw new Error('no page query was run');
        const [sql, parameters] = call;
        spy.mockRestore();
        const [row] = await dataSource.query<{ 'QUERY PLAN': { Plan: Plan }[] }[]>(
          `EXPLAIN (FORMAT JSON) ${sql}`,
          parameters as unknown[],
        );
        return nodes(row!['QUERY PLAN'][0]!.Plan);
      } finally {
        spy.mockRestore();
      }
    }

    const onUsers = (plan: Plan[]) => plan.filter((node) => node['Relation Name'] === 'users');
    const describePlan = (plan: Plan[]) => plan.map((node) => `${node['Node Type']} ${node['Index Name'] ?? ''}`);
    // The latest-email lookup sorts a user's own few outbox rows; what must not happen is sorting the users.
    const sortsUsers = (plan: Plan[]) =>
      plan.some((node) => node['Node Type'] === 'Sort' && onUsers(nodes(node)).length > 0);
    const seqScans = (plan: Plan[]) => plan.filter((node) => node['Node Type'] === 'Seq Scan');

    it('serves a substring search from the trigram index', async () => {
      const plan = await planOfPage({ q: SEEDED[1235]!.email.slice(0, 9) });
      expect(describePlan(plan)).toContain('Bitmap Index Scan users_email_trgm_idx');
      expect(onUsers(plan).map((node) => node['Node Type'])).not.toContain('Seq Scan');
    });

    it.each<SortDirection>(['desc', 'asc'])(
      'reads the first page (%s) from users_created_at_idx, unsorted',
      async (sort) => {
        const plan = await planOfPage({ sort });
        expect(onUsers(plan)).toEqual([
          expect.objectContaining({
            'Node Type': 'Index Scan',
            'Index Name': 'users_created_at_idx',
            'Scan Direction': sort === 'desc' ? 'Backward' : 'Forward',
          }),
        ]);
        expect(sortsUsers(plan)).toBe(false);
        expect(seqScans(plan)).toEqual([]);
      },
    );

    it('reads a status filter from users_status_created_at_idx, unsorted', async () => {
      const plan = await planOfPage({ status: 'pending' });
      expect(onUsers(plan).map((node) => node['Index Name'])).toEqual(['users_status_created_at_idx']);
      expect(sortsUsers(plan)).toBe(false);
      expect(seqScans(plan)).toEqual([]);
    });

    it('reads a deep page by cursor from the index, starting at the cursor', async () => {
      const ascending = expectedIds({}, 'asc');
      const deep = SEEDED.find((user) => user.id === ascending[8000])!;
      const createdAt = new Date(Number(deep.createdMicros / 1000n)).toISOString().replace('Z', '');
      const cursor = encodeKeysetCursor({
        createdAt: `${createdAt}${String(deep.createdMicros % 1000n).padStart(3, '0')}Z`,
        id: deep.id,
      });
      const page = await directory.list({ sort: 'asc', cursor }, NOW);
      expect(page.items.map((item) => item.id)).toEqual(ascending.slice(8001, 8051));

      const plan = await planOfPage({ sort: 'asc', cursor });
      const [scan, ...others] = onUsers(plan);
      expect(others).toEqual([]);
      expect(scan).toMatchObject({ 'Node Type': 'Index Scan', 'Index Name': 'users_created_at_idx' });
      expect(scan!['Index Cond']).toMatch(/ROW\(created_at, id\) >/);
      expect(sortsUsers(plan)).toBe(false);
      expect(seqScans(plan)).toEqual([]);

      const pending = await planOfPage({ status: 'pending', sort: 'desc', cursor });
      expect(onUsers(pending).map((node) => node['Index Name'])).toEqual(['users_status_created_at_idx']);
      expect(sortsUsers(pending)).toBe(false);
      expect(seqScans(pending)).toEqual([]);
    });
  });
});
