import type { Pool, PoolClient } from 'pg';
import { addStaff, StaffClient } from './support/staff-client';
import { postForm, postJson, type TestApp, useTestApp } from './support/test-app';

/** A JSON text nesting arrays `levels` deep around one value, built as text: JSON.stringify would recurse. */
function nested(levels: number, inner = '1'): string {
  return `${'['.repeat(levels)}${inner}${']'.repeat(levels)}`;
}

/** Polls a bounded number of times for a condition, instead of sleeping for a guessed time. */
async function waitFor<T>(probe: () => Promise<T | undefined>, what: string, attempts = 200): Promise<T> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`gave up waiting for ${what}`);
}

const bodyError = (message: RegExp | string) => ({
  errors: [{ field: 'body', message: typeof message === 'string' ? message : expect.stringMatching(message) }],
});

describe('Bad input the database or the stack cannot take is refused with a 400 naming the field', () => {
  const running = useTestApp();
  let gatehouse: TestApp;
  let admin: StaffClient;
  let victimId: string;

  const audit = async (action: string) =>
    (
      await gatehouse.db.query<{ changes: Record<string, unknown> }>(
        `SELECT changes FROM audit_log WHERE action = $1 ORDER BY created_at`,
        [action],
      )
    ).rows;

  beforeAll(async () => {
    ({ gatehouse } = running);
    await addStaff(gatehouse, 'admin@example.com', 'admin');
    admin = await StaffClient.signIn(gatehouse.baseUrl, 'admin@example.com');
    await postJson(gatehouse.baseUrl, '/api/registrations', {
      email: 'victim@example.com',
      password: 'long enough pw',
    });
    victimId = (await gatehouse.db.query(`SELECT id FROM users WHERE email_normalized = 'victim@example.com'`)).rows[0]
      .id;
  });

  describe('nesting', () => {
    it.each(['/api/registrations', '/api/registrations/resend', '/api/confirmations', '/api/admin/session'])(
      'POST %s refuses a body 2,000 levels deep with a 400 naming the body',
      async (path) => {
        for (const body of [nested(2000), `{"email": ${nested(2000)}}`]) {
          const response = await postJson(gatehouse.baseUrl, path, body);
          expect(response.status).toBe(400);
          expect(response.json).toEqual(bodyError(/more than 32 levels deep/));
        }
      },
    );

    it('refuses deep bodies on the back office too, and takes a body of ordinary depth', async () => {
      const deep = await fetch(`${gatehouse.baseUrl}/api/admin/users/bulk-resend`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie: admin.cookie!,
          'x-csrf-token': admin.csrfToken!,
        },
        body: `{"dryRun": true, "filter": {"q": ${nested(2000, '"x"')}}}`,
      });
      expect(deep.status).toBe(400);
      expect(await deep.json()).toEqual(bodyError(/more than 32 levels deep/));
      // 32 levels pass the parser and meet the ordinary rules.
      const thirtyTwo = await postJson(gatehouse.baseUrl, '/api/registrations', `{"email": ${nested(31, '"x"')}}`);
      expect(thirtyTwo.json).toEqual({
        errors: expect.arrayContaining([{ field: 'email', message: 'The email address must be a string.' }]),
      });
    });
  });

  describe('control characters', () => {
    it('refuses NUL in the staff sign-in address before it reaches PostgreSQL', async () => {
      const response = await StaffClient.anonymous(gatehouse.baseUrl).signIn('admin\u0000@example.com', 'whatever pw');
      expect(response.status).toBe(400);
      expect(response.json).toEqual({
        errors: [{ field: 'email', message: expect.stringContaining('control characters') }],
      });
    });

    it.each([
      ['/api/admin/users?q=%00', 'q'],
      ['/api/admin/users?q=a%01b', 'q'],
      ['/api/admin/audit?targetType=user&targetId=%00', 'targetId'],
    ])('GET %s answers 400 naming %s', async (path, field) => {
      const response = await admin.get(path);
      expect(response.status).toBe(400);
      expect(response.json).toEqual({ errors: [{ field, message: expect.stringContaining('control characters') }] });
    });

    it('names the nested field of a filter and the reason, and keeps line breaks in a reason', async () => {
      const bulk = await admin.post('/api/admin/users/bulk-resend', { filter: { q: 'x\u0000' }, dryRun: true });
      expect(bulk.status).toBe(400);
      expect(bulk.json.errors).toEqual([{ field: 'filter.q', message: expect.stringContaining('control') }]);
      const reason = await admin.post(`/api/admin/users/${victimId}/confirm`, { reason: 'by phone\u0000' });
      expect(reason.status).toBe(400);
      expect(reason.json.errors).toEqual([{ field: 'reason', message: expect.stringContaining('control') }]);
      expect(
        (await admin.post(`/api/admin/users/${victimId}/confirm`, { reason: 'by phone\r\n\tticket 4711' })).status,
      ).toBe(204);
      const staff = await admin.post('/api/admin/staff', {
        email: 'new\u0007@example.com',
        password: 'a long staff password',
        role: 'support',
        reason: 'hire',
      });
      expect(staff.status).toBe(400);
      expect(staff.json.errors).toEqual([{ field: 'email', message: expect.stringContaining('control') }]);
    });

    it('refuses NUL in the public JSON API by field, and the form page shows its form again with the problem', async () => {
      const api = await postJson(gatehouse.baseUrl, '/api/registrations', {
        email: 'nul\u0000@example.com',
        password: 'long enough pw',
      });
      expect(api.status).toBe(400);
      expect(api.json).toEqual({ errors: [{ field: 'email', message: expect.stringContaining('control') }] });
      const page = await postForm(gatehouse.baseUrl, '/register', {
        email: 'nul\u0000@example.com',
        password: 'long enough pw',
      });
      expect(page.status).toBe(400);
      expect(page.html).toContain('<form');
      expect(page.html).toMatch(/name="email"/);
      const stored = await gatehouse.db.query(`SELECT count(*)::int AS n FROM users WHERE email LIKE 'nul%'`);
      expect(stored.rows[0].n).toBe(0);
    });
  });

  describe('dates and numbers', () => {
    it.each([
      ['/api/admin/stats?from=9999-12-31&to=2026-01-01', 'from'],
      ['/api/admin/stats?from=2999-12-31&to=3000-01-01', 'to'],
      ['/api/admin/users?createdAfter=9999-12-31T23:59:00-23:59', 'createdAfter'],
      ['/api/admin/users?createdBefore=0000-01-01T00:00:00%2B23:59', 'createdBefore'],
      ['/api/admin/users?createdAfter=1969-12-31', 'createdAfter'],
      ['/api/admin/audit?from=9999-12-31', 'from'],
      ['/api/admin/audit?to=2999-12-31T23:59:00-23:59', 'to'],
    ])('GET %s answers 400 naming %s', async (path, field) => {
      const response = await admin.get(path);
      expect(response.status).toBe(400);
      expect(response.json.errors).toContainEqual({ field, message: expect.stringMatching(/1970 to 2999/) });
    });

    it('refuses 9999-12-31 on both ends of a statistics range, each by name', async () => {
      const response = await admin.get('/api/admin/stats?from=9999-12-31&to=9999-12-31');
      expect(response.status).toBe(400);
      expect(response.json.errors).toEqual([
        { field: 'from', message: 'Choose a date from 1970 to 2999.' },
        { field: 'to', message: 'Choose a date from 1970 to 2999.' },
      ]);
    });

    it('takes the first and the last supported day', async () => {
      expect((await admin.get('/api/admin/stats?from=1970-01-01&to=1970-01-31')).status).toBe(200);
      expect((await admin.get('/api/admin/stats?from=2999-12-01&to=2999-12-31')).status).toBe(200);
      expect((await admin.get('/api/admin/users?createdAfter=2999-12-31T23:59:59Z')).status).toBe(200);
    });

    it('bounds the filters of a bulk resend and an export, which record nothing when refused', async () => {
      const bulk = await admin.post('/api/admin/users/bulk-resend', {
        filter: { createdAfter: '9999-12-31' },
        reason: 'again',
      });
      expect(bulk.status).toBe(400);
      expect(bulk.json.errors).toEqual([{ field: 'filter.createdAfter', message: expect.stringMatching(/2999/) }]);
      const exported = await admin.post('/api/admin/users/export', {
        filter: { createdBefore: '9999-12-31T23:59:59-23:59' },
        reason: 'report',
      });
      expect(exported.status).toBe(400);
      expect(exported.json.errors).toEqual([{ field: 'filter.createdBefore', message: expect.stringMatching(/2999/) }]);
      expect(await audit('users.export')).toEqual([]);
      expect(await audit('users.bulk_resend')).toEqual([]);
    });
  });

  describe('an export whose query fails', () => {
    /** Holds a lock on the users table until released: the export's query waits, and is then cancelled. */
    async function failingExport(db: Pool) {
      const locker: PoolClient = await db.connect();
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE users IN ACCESS EXCLUSIVE MODE');
      const answer = admin.post('/api/admin/users/export', { reason: 'report' });
      const pid = await waitFor(async () => {
        const { rows } = await db.query<{ pid: number }>(
          // This database's only: other test files may be running queries like it on the same server.
          `SELECT pid FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%FROM users u%'`,
        );
        return rows[0]?.pid;
      }, 'the export to wait on the lock');
      await db.query('SELECT pg_cancel_backend($1)', [pid]);
      const response = await answer;
      await locker.query('ROLLBACK');
      locker.release();
      return response;
    }

    it('answers an error before the first byte, and records no export', async () => {
      const response = await failingExport(gatehouse.db);
      expect(response.status).toBe(500);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(response.text).not.toContain('id,email');
      expect(await audit('users.export')).toEqual([]);
    });

    it('records what was delivered when the stream is cut after its first page', async () => {
      // 1,000 users fill the first page; the 1,001st has a time the CSV cannot write, so the second page fails.
      await gatehouse.db.query(
        `INSERT INTO users (id, email, email_normalized, password_hash, status, locale, created_at, updated_at)
         SELECT gen_random_uuid(), 'bulk' || n || '@cut.example', 'bulk' || n || '@cut.example', 'x', 'active', 'en',
                '2026-01-01'::timestamptz + n * interval '1 second', now()
           FROM generate_series(1, 1000) AS n`,
      );
      await gatehouse.db.query(
        `INSERT INTO users (id, email, email_normalized, password_hash, status, locale, created_at, updated_at)
         VALUES (gen_random_uuid(), 'last@cut.example', 'last@cut.example', 'x', 'active', 'en', 'infinity', now())`,
      );
      const response = await fetch(`${gatehouse.baseUrl}/api/admin/users/export`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: admin.cookie!, 'x-csrf-token': admin.csrfToken! },
        body: JSON.stringify({ filter: { q: 'cut.example' }, reason: 'report' }),
      });
      expect(response.status).toBe(200);
      await expect(response.text()).rejects.toThrow();
      const entries = await waitFor(async () => {
        const rows = await audit('users.export');
        return rows.length ? rows : undefined;
      }, 'the export to be recorded');
      expect(entries).toEqual([{ changes: { filter: { q: 'cut.example' }, rows: 1000, complete: false } }]);
      await gatehouse.db.query(`DELETE FROM users WHERE email_normalized LIKE '%@cut.example'`);
    });
  });
});

describe('A client over its per-IP limit is answered 429 whatever its body', () => {
  const running = useTestApp({
    TRUSTED_PROXIES: '127.0.0.1',
    RATE_LIMIT_SIGNUP: '2/5m',
    RATE_LIMIT_STAFF_SIGNIN: '2/5m',
  });

  it.each([
    ['/api/registrations', '198.51.100.7'],
    ['/api/admin/session', '198.51.100.8'],
  ])('POST %s: malformed and too-deep JSON count, and over the limit they get 429, not 400', async (path, ip) => {
    const { baseUrl } = running.gatehouse;
    const headers = { 'x-forwarded-for': ip };
    const malformed = await postJson(baseUrl, path, '{"email": ', headers);
    expect(malformed.status).toBe(400);
    expect(malformed.json).toEqual(bodyError(/not valid JSON/));
    const deep = await postJson(baseUrl, path, nested(2000), headers);
    expect(deep.status).toBe(400);
    expect(deep.json).toEqual(bodyError(/levels deep/));
    for (const body of ['{"email": ', nested(2000), '']) {
      const over = await postJson(baseUrl, path, body, headers);
      expect(over.status).toBe(429);
      expect(over.json).toMatchObject({ error: 'rate_limited' });
      expect(Number(over.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    }
  });
});
