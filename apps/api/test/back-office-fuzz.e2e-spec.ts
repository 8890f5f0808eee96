import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { registeredRoutes } from '../src/http/route-table';
import { addStaff, StaffClient } from './support/staff-client';
import { postJson, type TestApp, useTestApp } from './support/test-app';

const RUNS = 1000;

/** Percent-encoded as a client would; a lone surrogate (which encodeURIComponent refuses) as U+FFFD. */
function encoded(text: string): string {
  return encodeURIComponent(
    text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'),
  );
}

/** Text that breaks naive code: control characters, SQL, markup, astral characters, very long runs. */
const nastyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\u0007\u001b[31m',
    '\u007f\u0085',
    'line\r\nbreak\ttab',
    "' OR '1'='1",
    '"; DROP TABLE users; --',
    '%',
    '_',
    '\\',
    '<script>alert(1)</script>',
    '😀'.repeat(40),
    '\ud800',
    'x'.repeat(600),
    '',
    ' ',
  ),
);
/** Dates a calendar or PostgreSQL's timestamptz cannot take, and the edges of the range Gatehouse takes. */
const extremeDate = fc.oneof(
  fc.constantFrom(
    '9999-12-31',
    '9999-12-31T23:59:59-23:59',
    '0000-01-01',
    '0000-01-01T00:00:00+23:59',
    '1970-01-01',
    '1969-12-31T23:59:59Z',
    '2999-12-31',
    '2999-12-31T23:59:59Z',
    '2999-12-31T23:59:59-00:01',
    '2026-02-30',
    '2026-13-01',
    '2026-05-01T24:00:00Z',
    '2026-05-01T12:00',
    '+275760-09-13',
    '2026-05-01T12:00:00.123456789Z',
  ),
  fc
    .tuple(
      fc.integer({ min: 0, max: 9999 }),
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 0, max: 32 }),
      fc.constantFrom('', 'T00:00:00Z', 'T23:59:59-23:59', 'T12:30+14:00', 'T00:00:00.5+00:00'),
    )
    .map(
      ([y, m, d, time]) =>
        `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}${time}`,
    ),
);
/** Numbers as a query string or JSON carries them: huge, negative, fractional, not numbers at all. */
const extremeNumber = fc.oneof(
  fc.constantFrom('1e308', '-1', '0', '-0', 'NaN', 'Infinity', '9007199254740993', '0x10', '1.5', '3650', '3651'),
  fc.constantFrom('99999999999999999999', '100', '101', ' 5', '5 ', ''),
  fc.integer().map(String),
  fc.double().map(String),
);
const scalar = fc.oneof(nastyText, extremeDate, extremeNumber);
const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  scalar,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(scalar, { maxLength: 3 }),
  fc.dictionary(nastyText, scalar, { maxKeys: 3 }),
);

/** A value for a field: mostly its own kind (so the rules past the type checks run), sometimes anything. */
type Kind = 'text' | 'date' | 'number' | 'boolean' | 'uuid' | 'enum';
function valueOf(kind: Kind, choices: readonly string[] = []): fc.Arbitrary<unknown> {
  const own: fc.Arbitrary<unknown> =
    kind === 'text'
      ? nastyText
      : kind === 'date'
        ? extremeDate
        : kind === 'number'
          ? extremeNumber
          : kind === 'boolean'
            ? fc.constantFrom<unknown>(true, false, 'true', 0)
            : kind === 'uuid'
              ? fc.oneof(fc.uuid(), nastyText)
              : fc.oneof(fc.constantFrom(...choices), nastyText);
  return fc.oneof({ arbitrary: own, weight: 4 }, { arbitrary: anyJson, weight: 1 });
}

type Fields = Record<string, fc.Arbitrary<unknown>>;

const filterFields: Fields = {
  status: valueOf('enum', ['pending', 'active', 'disabled']),
  createdAfter: valueOf('date'),
  createdBefore: valueOf('date'),
  pendingForDays: valueOf('number'),
  delivery: valueOf('enum', ['queued', 'sent', 'failed', 'none']),
  undeliverable: valueOf('boolean'),
  q: valueOf('text'),
};

/** A JSON text nested `levels` deep, as text: the 2,000-level body of the issue and its neighbours. */
const deepText = fc
  .tuple(fc.constantFrom(31, 32, 33, 200, 2000, 5000), fc.constantFrom('[', '{"a":'))
  .map(([levels, open]) => `${open.repeat(levels)}1${(open === '[' ? ']' : '}').repeat(levels)}`);

/** A request body: the route's fields with any of them wrong, missing or extra; deep, malformed or not an object. */
function bodyFor(fields: Fields): fc.Arbitrary<string | undefined> {
  const shaped = fc.record(fields, { requiredKeys: [] });
  const withExtra = fc.record({ ...fields, [`extra`]: anyJson }, { requiredKeys: [] });
  const nestedFilter = fields.filter
    ? fc.record(
        { ...fields, filter: fc.oneof(fc.record(filterFields, { requiredKeys: [] }), anyJson) },
        { requiredKeys: [] },
      )
    : shaped;
  return fc.oneof(
    { arbitrary: shaped.map((body) => JSON.stringify(body)), weight: 6 },
    { arbitrary: nestedFilter.map((body) => JSON.stringify(body)), weight: 4 },
    { arbitrary: withExtra.map((body) => JSON.stringify(body)), weight: 1 },
    { arbitrary: anyJson.map((body) => JSON.stringify(body)), weight: 1 },
    { arbitrary: deepText, weight: 1 },
    { arbitrary: fc.constantFrom('{"reason": ', '', '{"reason": "\\u0000"}', '{"__proto__": {"x": 1}}'), weight: 1 },
    { arbitrary: fc.constant(undefined), weight: 1 },
  );
}

/** A query string from the fields, values as text (repeated keys sometimes: arrays). */
function queryFor(fields: Fields): fc.Arbitrary<string> {
  return fc
    .tuple(fc.record(fields, { requiredKeys: [] }), fc.dictionary(nastyText, nastyText, { maxKeys: 1 }), fc.boolean())
    .map(([values, extra, repeat]) => {
      const query = new URLSearchParams();
      for (const [key, value] of Object.entries({ ...values, ...(repeat ? extra : {}) })) {
        const text = typeof value === 'string' ? value : JSON.stringify(value);
        query.append(key, text);
        if (repeat) query.append(key, text);
      }
      return query.toString();
    });
}

interface Route {
  method: string;
  url: string;
  path?: (id: string) => string;
  query?: Fields;
  body?: Fields;
  /** Which ids the :id of the path takes besides random text and random UUIDs. */
  ids?: () => string[];
  /** A route that needs no session (sign-in and setup): sent without one. */
  anonymous?: boolean;
  /** Sent with random cookies and CSRF tokens, never the fuzzer's own session (signing out would end it). */
  strangerOnly?: boolean;
}

describe('Property-based fuzzing of every back-office route with a staff session: never a 5xx, nothing lost', () => {
  // Cheap hashing: staff creation and sign-in hash, and the rules under test do not depend on the cost.
  const running = useTestApp({ ARGON2_MEMORY_KIB: '1024', ARGON2_TIME_COST: '1', EMAIL_COOLDOWN: '0s' });
  let gatehouse: TestApp;
  let admin: StaffClient;
  let residents: { users: unknown[]; staff: unknown[] };
  const throwawayUsers: string[] = [];
  const throwawayStaff: string[] = [];
  const statuses = new Map<string, number[]>();

  const snapshot = async (adminId: string) => ({
    users: (
      await gatehouse.db.query(
        `SELECT id, email, email_normalized, password_hash, status, created_at, confirmed_at FROM users
          WHERE email_normalized LIKE 'resident%' ORDER BY id`,
      )
    ).rows,
    staff: (
      await gatehouse.db.query(`SELECT id, email, role, disabled, password_hash FROM staff_members WHERE id = $1`, [
        adminId,
      ])
    ).rows,
  });
  let adminId: string;

  beforeAll(async () => {
    ({ gatehouse } = running);
    adminId = await addStaff(gatehouse, 'admin@example.com', 'admin');
    admin = await StaffClient.signIn(gatehouse.baseUrl, 'admin@example.com');
    for (const name of ['resident-a', 'resident-b', 'throwaway-a', 'throwaway-b', 'throwaway-c']) {
      await postJson(gatehouse.baseUrl, '/api/registrations', {
        email: `${name}@example.com`,
        password: 'long enough password',
      });
    }
    const { rows } = await gatehouse.db.query<{ id: string }>(
      `SELECT id FROM users WHERE email_normalized LIKE 'throwaway%'`,
    );
    throwawayUsers.push(...rows.map((row) => row.id));
    for (const name of ['support-a', 'support-b']) {
      throwawayStaff.push(await addStaff(gatehouse, `${name}@example.com`, 'support'));
    }
    residents = await snapshot(adminId);
    expect(residents.users).toHaveLength(2);
  });

  const ROUTES: Route[] = [
    {
      method: 'POST',
      url: '/api/admin/session',
      anonymous: true,
      body: { email: valueOf('text'), password: valueOf('text') },
    },
    { method: 'GET', url: '/api/admin/session' },
    { method: 'DELETE', url: '/api/admin/session', strangerOnly: true },
    {
      method: 'POST',
      url: '/api/admin/setup',
      anonymous: true,
      body: { token: valueOf('text'), email: valueOf('text'), password: valueOf('text') },
    },
    {
      method: 'GET',
      url: '/api/admin/users',
      query: {
        ...filterFields,
        sort: valueOf('enum', ['asc', 'desc']),
        cursor: valueOf('text'),
        limit: valueOf('number'),
      },
    },
    { method: 'GET', url: '/api/admin/users/:id', path: (id) => `/api/admin/users/${id}`, ids: () => throwawayUsers },
    {
      method: 'POST',
      url: '/api/admin/users/bulk-resend',
      body: {
        filter: fc.record(filterFields, { requiredKeys: [] }),
        dryRun: valueOf('boolean'),
        reason: valueOf('text'),
      },
    },
    {
      method: 'POST',
      url: '/api/admin/users/export',
      // Narrowed to the throwaway addresses mostly, so each export stays a few rows.
      body: {
        filter: fc.oneof(
          fc.record({ ...filterFields, q: fc.constant('throwaway') }, { requiredKeys: ['q'] }),
          fc.record(filterFields, { requiredKeys: [] }),
        ),
        reason: valueOf('text'),
      },
    },
    ...['resend-confirmation', 'confirm', 'disable', 'enable'].map((action): Route => ({
      method: 'POST',
      url: `/api/admin/users/:id/${action}`,
      path: (id) => `/api/admin/users/${id}/${action}`,
      body: { reason: valueOf('text') },
      ids: () => throwawayUsers,
    })),
    {
      method: 'DELETE',
      url: '/api/admin/users/:id',
      path: (id) => `/api/admin/users/${id}`,
      body: { reason: valueOf('text') },
      ids: () => throwawayUsers,
    },
    {
      method: 'DELETE',
      url: '/api/admin/users/:id/suppression',
      path: (id) => `/api/admin/users/${id}/suppression`,
      body: { reason: valueOf('text') },
      ids: () => throwawayUsers,
    },
    {
      method: 'DELETE',
      url: '/api/admin/users/:id/sign-in-lockout',
      path: (id) => `/api/admin/users/${id}/sign-in-lockout`,
      body: { reason: valueOf('text') },
      ids: () => throwawayUsers,
    },
    {
      method: 'GET',
      url: '/api/admin/audit',
      query: {
        staffId: valueOf('uuid'),
        action: valueOf('enum', ['user.disable', 'users.export', 'staff.sign_in']),
        targetType: valueOf('enum', ['user', 'staff', 'users']),
        targetId: valueOf('uuid'),
        from: valueOf('date'),
        to: valueOf('date'),
        cursor: valueOf('text'),
        limit: valueOf('number'),
      },
    },
    { method: 'GET', url: '/api/admin/stats', query: { from: valueOf('date'), to: valueOf('date') } },
    { method: 'GET', url: '/api/admin/staff' },
    {
      method: 'POST',
      url: '/api/admin/staff',
      body: {
        email: fc.oneof(valueOf('text'), fc.emailAddress()),
        password: valueOf('text'),
        role: valueOf('enum', ['admin', 'support']),
        reason: valueOf('text'),
      },
    },
    {
      method: 'PATCH',
      url: '/api/admin/staff/:id',
      path: (id) => `/api/admin/staff/${id}`,
      body: { role: valueOf('enum', ['admin', 'support']), disabled: valueOf('boolean'), reason: valueOf('text') },
      ids: () => throwawayStaff,
    },
    {
      method: 'DELETE',
      url: '/api/admin/staff/:id/lockout',
      path: (id) => `/api/admin/staff/${id}/lockout`,
      body: { reason: valueOf('text') },
      ids: () => throwawayStaff,
    },
  ];

  it('covers every back-office route the running app serves', () => {
    const served = registeredRoutes(gatehouse.app.getHttpAdapter().getInstance())
      .filter((route) => route.url.startsWith('/api/admin') && route.method !== 'HEAD')
      .map((route) => `${route.method} ${route.url}`);
    expect(served.length).toBeGreaterThan(10);
    expect(served.filter((route) => !ROUTES.some((r) => `${r.method} ${r.url}` === route))).toEqual([]);
  });

  it.each(ROUTES.map((route) => [`${route.method} ${route.url}`, route] as const))(
    `%s answers every input with 2xx, 3xx or 4xx (${RUNS} cases)`,
    async (name, route) => {
      const seen: number[] = [];
      statuses.set(name, seen);
      const pathId = fc.oneof(
        fc.constantFrom(...(route.ids?.() ?? [randomUUID()])),
        fc.uuid(),
        nastyText.map(encoded),
        fc.constantFrom('%00', '..', '%2e%2e', '00000000-0000-0000-0000-000000000000', 'NULL'),
      );
      const session = fc.oneof(
        { arbitrary: fc.constant<'own'>('own'), weight: route.anonymous || route.strangerOnly ? 0 : 8 },
        { arbitrary: fc.constant<'none'>('none'), weight: 1 },
        { arbitrary: fc.tuple(nastyText, nastyText), weight: 1 },
      );
      await fc.assert(
        fc.asyncProperty(
          route.path ? pathId : fc.constant(''),
          route.query ? queryFor(route.query) : fc.constant(''),
          route.body ? bodyFor(route.body) : fc.constant(undefined),
          session,
          async (id, query, body, who) => {
            const headers: Record<string, string> = { accept: 'application/json' };
            if (who === 'own') {
              headers.cookie = admin.cookie!;
              headers['x-csrf-token'] = admin.csrfToken!;
            } else if (Array.isArray(who)) {
              // Header values must be ByteStrings; the server still sees arbitrary bytes.
              headers.cookie = `gatehouse_staff=${encoded(who[0])}`;
              headers['x-csrf-token'] = encoded(who[1]);
            }
            if (body !== undefined) headers['content-type'] = 'application/json';
            const path = route.path ? route.path(id) : route.url;
            const response = await fetch(`${gatehouse.baseUrl}${path}${query ? `?${query}` : ''}`, {
              method: route.method,
              headers,
              body,
            });
            await response.arrayBuffer();
            seen.push(response.status);
            return response.status < 500;
          },
        ),
        { numRuns: RUNS },
      );
      // The fuzzer's own session survived every route it did not mean to end.
      expect((await admin.get('/api/admin/session')).status).toBe(200);
    },
  );

  it('answered no input with a 5xx, and left what nobody was pointed at exactly as it was', async () => {
    const failures = [...statuses].flatMap(([route, seen]) =>
      seen.filter((status) => status >= 500).map((status) => `${route}: ${status}`),
    );
    expect(failures).toEqual([]);
    expect([...statuses.keys()]).toHaveLength(ROUTES.length);
    expect([...statuses.values()].every((seen) => seen.length >= RUNS)).toBe(true);
    // What nobody was pointed at is exactly as it was, and every row is still readable.
    expect(await snapshot(adminId)).toEqual(residents);
    const bad = await gatehouse.db.query(
      `SELECT count(*)::int AS n FROM users WHERE status NOT IN ('pending', 'active', 'disabled') OR position(chr(1) in email) > 0`,
    );
    expect(bad.rows[0].n).toBe(0);
  });
});
