import { SmtpSink } from '@gatehouse/infrastructure/testing/smtp-sink';
import { createTestRedisNamespace } from '@gatehouse/infrastructure/testing/test-redis';
import { Redis } from 'ioredis';
import { postForm, postJson, startTestApp, type TestApp, useTestApp } from './support/test-app';

const PASSWORD = 'correct horse battery staple';

/**
 * A client at its own address: the app trusts 127.0.0.1 as its proxy, so X-Forwarded-For names the client
 * and every test spends a budget of its own.
 */
let clients = 0;
function aClient() {
  clients += 1;
  const headers = { 'x-forwarded-for': `198.51.100.${clients}` };
  return {
    json: (baseUrl: string, path: string, body: unknown, extra: Record<string, string> = {}) =>
      postJson(baseUrl, path, body, { ...headers, ...extra }),
    form: (baseUrl: string, path: string, fields: Record<string, string>, extra: Record<string, string> = {}) =>
      postForm(baseUrl, path, fields, { ...headers, ...extra }),
  };
}

function expectRateLimited(answer: { status: number; headers: Headers; json: Record<string, unknown> }, max: number) {
  expect(answer.status).toBe(429);
  const retryAfter = Number(answer.headers.get('retry-after'));
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(max);
  expect(answer.json).toEqual({
    error: 'rate_limited',
    message: expect.stringMatching(/^Too many attempts from your network\. Try again in \d+ (minute|second)s?\.$/),
    retryAfterSeconds: retryAfter,
  });
}

describe('Per-IP rate limits (counted in the process)', () => {
  const running = useTestApp({
    TRUSTED_PROXIES: '127.0.0.1',
    RATE_LIMIT_SIGNUP: '3/5m',
    RATE_LIMIT_RESEND: '2/5m',
    RATE_LIMIT_CONFIRM: '3/5m',
  });
  let gatehouse: TestApp;
  beforeAll(() => ({ gatehouse } = running));

  it('limits sign-ups per client across the API and the page, for new and existing addresses alike', async () => {
    const client = aClient();
    const { baseUrl } = gatehouse;
    expect(
      (await client.json(baseUrl, '/api/registrations', { email: 'resident@example.com', password: PASSWORD })).status,
    ).toBe(202);
    expect(
      (await client.form(baseUrl, '/register', { email: 'resident@example.com', password: PASSWORD })).status,
    ).toBe(200);
    expect(
      (await client.json(baseUrl, '/api/registrations', { email: 'first@example.com', password: PASSWORD })).status,
    ).toBe(202);

    // Over the limit: an existing address and a new one get the same refusal, before anything is looked up.
    const existing = await client.json(baseUrl, '/api/registrations', {
      email: 'resident@example.com',
      password: PASSWORD,
    });
    const fresh = await client.json(baseUrl, '/api/registrations', { email: 'second@example.com', password: PASSWORD });
    expectRateLimited(existing, 300);
    expectRateLimited(fresh, 300);
    expect(existing.json.message).toBe(fresh.json.message);
    expect(existing.json.message).toBe('Too many attempts from your network. Try again in 5 minutes.');
    const stored = await gatehouse.db.query(`SELECT count(*)::int AS n FROM users WHERE email = 'second@example.com'`);
    expect(stored.rows[0].n).toBe(0);

    // Even a request the rules would refuse is counted and refused here: no work for a client over its limit.
    expectRateLimited(await client.json(baseUrl, '/api/registrations', { email: 'x', password: 'y' }), 300);
  });

  it('shows the sign-up form again on the page, with what was typed (not the password) and when to try again', async () => {
    const client = aClient();
    for (let n = 0; n < 3; n += 1) {
      await client.form(gatehouse.baseUrl, '/register', { email: `page-${n}@example.com`, password: PASSWORD });
    }
    const page = await client.form(gatehouse.baseUrl, '/register', {
      email: 'page<b>@example.com',
      password: PASSWORD,
    });
    expect(page.status).toBe(429);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(Number(page.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(page.html).toContain('action="/register"');
    expect(page.html).toContain('value="page&lt;b&gt;@example.com"');
    expect(page.html).not.toContain(PASSWORD);
    expect(page.html).toContain('Too many attempts from your network. Try again in 5 minutes.');

    const german = await client.form(
      gatehouse.baseUrl,
      '/register',
      { email: 'seite@example.com', password: PASSWORD },
      { 'accept-language': 'de-DE' },
    );
    expect(german.status).toBe(429);
    expect(german.html).toContain('Zu viele Versuche aus Ihrem Netzwerk. Versuchen Sie es in 5 Minuten noch einmal.');
  });

  it('limits requests for a new link, for known and unknown addresses alike, on the API and the page', async () => {
    const client = aClient();
    expect(
      (await client.json(gatehouse.baseUrl, '/api/registrations/resend', { email: 'resident@example.com' })).status,
    ).toBe(202);
    expect((await client.form(gatehouse.baseUrl, '/resend', { email: 'nobody@example.com' })).status).toBe(200);
    expectRateLimited(
      await client.json(gatehouse.baseUrl, '/api/registrations/resend', { email: 'resident@example.com' }),
      300,
    );
    expectRateLimited(
      await client.json(gatehouse.baseUrl, '/api/registrations/resend', { email: 'nobody@example.com' }),
      300,
    );

    const page = await client.form(gatehouse.baseUrl, '/resend', { email: 'resident@example.com' });
    expect(page.status).toBe(429);
    expect(page.html).toContain('action="/resend"');
    expect(page.html).toContain('value="resident@example.com"');
    expect(page.html).toContain('Try again in 5 minutes.');
  });

  it('limits confirmations by link and by code, on the API and the pages, together', async () => {
    const client = aClient();
    const { baseUrl } = gatehouse;
    expect((await client.json(baseUrl, '/api/confirmations', { token: 'x'.repeat(43) })).status).toBe(400);
    expect(
      (await client.json(baseUrl, '/api/confirmations/code', { email: 'resident@example.com', code: '000000' })).status,
    ).toBe(400);
    expect((await client.form(baseUrl, '/confirm', { token: 'y'.repeat(43) })).status).toBe(400);

    expectRateLimited(await client.json(baseUrl, '/api/confirmations', { token: 'x'.repeat(43) }), 300);
    expectRateLimited(
      await client.json(baseUrl, '/api/confirmations/code', { email: 'resident@example.com', code: '1' }),
      300,
    );

    const codePage = await client.form(baseUrl, '/confirm/code', { email: 'resident@example.com', code: '123 456' });
    expect(codePage.status).toBe(429);
    expect(codePage.html).toContain('action="/confirm/code"');
    expect(codePage.html).toContain('value="resident@example.com"');
    expect(codePage.html).toContain('value="123 456"');
    expect(codePage.html).toContain('Try again in 5 minutes.');

    // The button page keeps its token, so pressing it again later still works.
    const buttonPage = await client.form(baseUrl, '/confirm', { token: 'z'.repeat(43) });
    expect(buttonPage.status).toBe(429);
    expect(buttonPage.html).toContain('action="/confirm"');
    expect(buttonPage.html).toContain(`value="${'z'.repeat(43)}"`);
    expect(buttonPage.html).toContain('Try again in 5 minutes.');
  });

  it('keeps each limit and each client apart', async () => {
    const busy = aClient();
    for (let n = 0; n < 3; n += 1) {
      await busy.json(gatehouse.baseUrl, '/api/registrations', { email: `busy-${n}@example.com`, password: PASSWORD });
    }
    expect(
      (await busy.json(gatehouse.baseUrl, '/api/registrations', { email: 'busy@example.com', password: PASSWORD }))
        .status,
    ).toBe(429);
    expect(
      (await busy.json(gatehouse.baseUrl, '/api/registrations/resend', { email: 'busy-0@example.com' })).status,
    ).toBe(202);
    expect((await busy.json(gatehouse.baseUrl, '/api/confirmations', { token: 'x'.repeat(43) })).status).toBe(400);

    const other = aClient();
    expect(
      (await other.json(gatehouse.baseUrl, '/api/registrations', { email: 'other@example.com', password: PASSWORD }))
        .status,
    ).toBe(202);
  });

  it('leaves pages that change nothing and health checks alone', async () => {
    const client = aClient();
    for (let n = 0; n < 4; n += 1) {
      await client.json(gatehouse.baseUrl, '/api/registrations', {
        email: `idle-${n}@example.com`,
        password: PASSWORD,
      });
    }
    for (const path of ['/', '/resend', '/confirm/code', `/confirm?token=${'q'.repeat(43)}`, '/health/live']) {
      const response = await fetch(`${gatehouse.baseUrl}${path}`, { headers: { 'x-forwarded-for': '198.51.100.250' } });
      expect({ path, status: response.status }).not.toMatchObject({ status: 429 });
    }
  });
});

describe('Per-IP rate limits without a trusted proxy', () => {
  const running = useTestApp({ RATE_LIMIT_RESEND: '2/5m' });

  it('ignores X-Forwarded-For from anyone but a trusted proxy, so a client cannot claim new addresses', async () => {
    const { baseUrl } = running.gatehouse;
    const statuses = [];
    for (let n = 0; n < 4; n += 1) {
      const answer = await postJson(
        baseUrl,
        '/api/registrations/resend',
        { email: 'spoof@example.com' },
        { 'x-forwarded-for': `203.0.113.${n}` },
      );
      statuses.push(answer.status);
    }
    expect(statuses).toEqual([202, 202, 429, 429]);
  });
});

describe('Per-IP rate limits counted in Redis, shared by two instances', () => {
  const redis = createTestRedisNamespace();
  let smtp: SmtpSink;
  const apps: TestApp[] = [];

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    const env = {
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: redis.prefix,
      RATE_LIMIT_SIGNUP: '4/5m',
      RATE_LIMIT_CONFIRM: '3/5m',
      EMAIL_COOLDOWN: '0s',
    };
    apps.push(await startTestApp(smtp, env), await startTestApp(smtp, env));
  });

  afterAll(async () => {
    for (const app of apps) await app.close();
    await smtp.down();
    await redis.drop();
  });

  it('holds one limit across both instances: requests spread over them count together', async () => {
    const statuses = [];
    for (let n = 0; n < 6; n += 1) {
      const answer = await postJson(apps[n % 2].baseUrl, '/api/registrations', {
        email: `shared-${n}@example.com`,
        password: PASSWORD,
      });
      statuses.push(answer.status);
    }
    expect(statuses).toEqual([202, 202, 202, 202, 429, 429]);

    const refused = await postJson(apps[0].baseUrl, '/api/registrations', {
      email: 'late@example.com',
      password: PASSWORD,
    });
    expectRateLimited(refused, 300);

    // The page on either instance says the same, and the other limits still have room.
    const page = await postForm(apps[1].baseUrl, '/register', { email: 'late@example.com', password: PASSWORD });
    expect(page.status).toBe(429);
    expect(page.html).toContain('Try again in 5 minutes.');
    expect((await postJson(apps[1].baseUrl, '/api/confirmations', { token: 'x'.repeat(43) })).status).toBe(400);
  });

  it('keeps its counters in Redis under the configured key prefix', async () => {
    const client = new Redis(redis.url);
    try {
      const keys = await client.keys(`${redis.prefix}*`);
      expect(keys.length).toBeGreaterThan(0);
      expect(keys.some((key) => key.includes('signup:'))).toBe(true);
      expect(keys.every((key) => key.startsWith(`${redis.prefix}rate-limit:`))).toBe(true);
    } finally {
      await client.quit();
    }
  });
});
