import { waitUntilOutboxDrained } from '@gatehouse/infrastructure/testing/queued-emails';
import { SmtpSink, tokenFrom } from '@gatehouse/infrastructure/testing/smtp-sink';
import { postForm, postJson, startTestApp, TEST_APP_URL, type TestApp } from './support/test-app';

const SQL_INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  "admin'--@example.com",
  '1; DELETE FROM confirmation_tokens',
  "x@example.com' UNION SELECT password_hash FROM users --",
  'robert"); TRUNCATE email_outbox; --@example.com',
  '$1; SELECT pg_sleep(5)',
];

describe('Bad input and faults: documented answers, never a 5xx, nothing stored lost', () => {
  let smtp: SmtpSink;
  let gatehouse: TestApp;
  const statuses: number[] = [];
  let resident: { id: string; password_hash: string; status: string };

  const json = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const response = await postJson(gatehouse.baseUrl, path, body, headers);
    statuses.push(response.status);
    return response;
  };
  const form = async (path: string, fields: Record<string, string>) => {
    const response = await postForm(gatehouse.baseUrl, path, fields);
    statuses.push(response.status);
    return response;
  };

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    gatehouse = await startTestApp(smtp);
    // Someone who is already here: every bad request below must leave this account exactly as it is.
    await postJson(gatehouse.baseUrl, '/api/registrations', {
      email: 'resident@example.com',
      password: 'long-time member',
    });
    const token = tokenFrom((await smtp.waitFor('resident@example.com'))[0]);
    await postJson(gatehouse.baseUrl, '/api/confirmations', { token });
    resident = (
      await gatehouse.db.query(
        `SELECT id, password_hash, status FROM users WHERE email_normalized = 'resident@example.com'`,
      )
    ).rows[0];
  });

  afterAll(async () => {
    try {
      expect(statuses.length).toBeGreaterThan(50);
      expect(statuses.filter((status) => status >= 500)).toEqual([]);
      const after = await gatehouse.db.query(
        `SELECT id, password_hash, status FROM users WHERE email_normalized = 'resident@example.com'`,
      );
      expect(after.rows).toEqual([resident]);
    } finally {
      await gatehouse.close();
      await smtp.down();
    }
  });

  it.each(['/api/registrations', '/api/registrations/resend', '/api/confirmations'])(
    '%s refuses malformed JSON with 400',
    async (path) => {
      const response = await json(path, '{"email": "a@example.com", ');
      expect(response.status).toBe(400);
      expect(response.json).toEqual({
        errors: [{ field: 'body', message: expect.stringContaining('not valid JSON') }],
      });
    },
  );

  it.each([[[]], ['"text"'], ['42'], ['null']])('refuses a body that is not an object: %s', async (body) => {
    const response = await json('/api/registrations', body);
    expect(response.status).toBe(400);
    expect(response.json).toEqual({ errors: [{ field: 'body', message: expect.any(String) }] });
  });

  it('names each missing field', async () => {
    expect((await json('/api/registrations', {})).json).toEqual({
      errors: [
        { field: 'email', message: 'Enter your email address.' },
        { field: 'password', message: 'Enter a password.' },
      ],
    });
    expect((await json('/api/registrations/resend', {})).json).toEqual({
      errors: [{ field: 'email', message: 'Enter your email address.' }],
    });
    expect((await json('/api/confirmations', {})).json).toEqual({
      errors: [{ field: 'token', message: 'Send the token from the confirmation link.' }],
    });
  });

  it.each([42, true, ['a@example.com'], { nested: 'x' }, null])(
    'refuses a wrong type (%j) in each field',
    async (value) => {
      const registration = await json('/api/registrations', { email: value, password: value });
      expect(registration.status).toBe(400);
      expect((registration.json.errors as Array<{ field: string }>).map((e) => e.field)).toEqual(['email', 'password']);
      const confirmation = await json('/api/confirmations', { token: value });
      expect(confirmation.status).toBe(400);
      expect(confirmation.json.errors).toEqual([{ field: 'token', message: expect.any(String) }]);
    },
  );

  it('refuses unknown fields by name', async () => {
    const response = await json('/api/registrations', { email: 'x@example.com', password: 'long enough', admin: true });
    expect(response.status).toBe(400);
    expect(response.json).toEqual({ errors: [{ field: 'admin', message: 'Unknown field "admin": remove it.' }] });
  });

  it('refuses overlong values with a message saying the limit', async () => {
    const longEmail = await json('/api/registrations', {
      email: `${'a'.repeat(250)}@example.com`,
      password: 'long enough',
    });
    expect(longEmail.json).toEqual({
      errors: [{ field: 'email', message: 'An email address can be at most 254 characters long.' }],
    });
    const longPassword = await json('/api/registrations', { email: 'long@example.com', password: '😀'.repeat(257) });
    expect(longPassword.json).toEqual({
      errors: [{ field: 'password', message: 'Use at most 256 characters (you typed 257).' }],
    });
    const longToken = await json('/api/confirmations', { token: 'x'.repeat(600) });
    expect(longToken.status).toBe(400);
    expect(longToken.json.errors).toEqual([{ field: 'token', message: expect.stringContaining('too long') }]);
  });

  it('refuses common passwords and passwords containing the address, and serves the list the page checks', async () => {
    const common = await json('/api/registrations', { email: 'weak@example.com', password: 'Password1' });
    expect(common.json).toEqual({
      errors: [
        {
          field: 'password',
          message: 'This password is one of the most common ones and easy to guess. Choose another.',
        },
      ],
    });
    const personal = await json('/api/registrations', {
      email: 'marguerite@example.com',
      password: 'Marguerite-2026!',
    });
    expect(personal.json).toEqual({
      errors: [{ field: 'password', message: 'Your password must not contain your email address.' }],
    });
    const throwaway = await json('/api/registrations', {
      email: 'someone@mailinator.com',
      password: 'long enough passphrase',
    });
    expect(throwaway.json).toEqual({
      errors: [
        {
          field: 'email',
          message: 'Use a permanent email address: addresses from throwaway mailbox services are not accepted.',
        },
      ],
    });
    const users = await gatehouse.db.query(
      `SELECT count(*)::int AS n FROM users WHERE email_normalized IN ('weak@example.com', 'marguerite@example.com', 'someone@mailinator.com')`,
    );
    expect(users.rows[0].n).toBe(0);

    const list = await fetch(`${gatehouse.baseUrl}/assets/common-passwords.json`);
    statuses.push(list.status);
    const passwords = (await list.json()) as string[];
    expect(passwords.length).toBeGreaterThan(10_000);
    expect(passwords).toContain('password1');
    expect(passwords.every((password) => [...password].length >= 8)).toBe(true);
  });

  it('answers 413 for a body over 16 KiB', async () => {
    const response = await json('/api/registrations', { email: 'big@example.com', password: 'p'.repeat(17 * 1024) });
    expect(response.status).toBe(413);
    expect(response.json).toEqual({ error: 'payload_too_large', message: 'The request body is larger than 16 KiB.' });
  });

  it('answers 415 for a body that is neither JSON nor a form', async () => {
    const response = await fetch(`${gatehouse.baseUrl}/api/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: '<a/>',
    });
    statuses.push(response.status);
    expect(response.status).toBe(415);
  });

  it.each(SQL_INJECTIONS)('treats %j as data in every field, JSON and form alike', async (payload) => {
    const before = await gatehouse.db.query('SELECT count(*)::int AS n FROM users');
    const registration = await json('/api/registrations', { email: payload, password: payload.padEnd(8, '!') });
    expect([202, 400]).toContain(registration.status);
    const asPassword = await json('/api/registrations', {
      email: `sqli${SQL_INJECTIONS.indexOf(payload)}@example.com`,
      password: payload.padEnd(8, '!'),
    });
    expect(asPassword.status).toBe(202);
    expect((await json('/api/registrations/resend', { email: payload })).status).toBeLessThan(500);
    expect(await json('/api/confirmations', { token: payload })).toMatchObject({ status: 400 });
    expect((await form('/register', { email: payload, password: payload })).status).toBeLessThan(500);
    expect((await form('/confirm', { token: payload })).status).toBe(400);
    const page = await fetch(`${gatehouse.baseUrl}/confirm?token=${encodeURIComponent(payload)}`);
    statuses.push(page.status);
    expect(page.status).toBe(400);

    const after = await gatehouse.db.query('SELECT count(*)::int AS n FROM users');
    // A payload that is a valid address (admin'--@example.com is one) is stored literally, as typed.
    const acceptedAsEmail = registration.status === 202;
    expect(after.rows[0].n).toBe(before.rows[0].n + (acceptedAsEmail ? 2 : 1));
    if (acceptedAsEmail) {
      const literal = await gatehouse.db.query('SELECT email FROM users WHERE email = $1', [payload]);
      expect(literal.rows).toEqual([{ email: payload }]);
    }
    const stored = await gatehouse.db.query('SELECT email FROM users WHERE email_normalized = $1', [
      `sqli${SQL_INJECTIONS.indexOf(payload)}@example.com`,
    ]);
    expect(stored.rows).toHaveLength(1);
    for (const table of ['users', 'confirmation_tokens', 'email_outbox']) {
      await expect(gatehouse.db.query(`SELECT 1 FROM ${table} LIMIT 1`)).resolves.toBeDefined();
    }
  });

  it('shows what a person typed escaped, never as markup', async () => {
    const response = await form('/register', { email: '<script>alert(1)</script>@example.com', password: 'x' });
    expect(response.status).toBe(400);
    expect(response.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;@example.com');
    expect(response.html).not.toContain('<script>alert(1)</script>');
  });

  it('refuses a tampered token and leaves the account pending', async () => {
    await json('/api/registrations', { email: 'tamper@example.com', password: 'long enough' });
    const token = tokenFrom((await smtp.waitFor('tamper@example.com'))[0]);
    const flipped = `${token.slice(0, 10)}${token[10] === 'A' ? 'B' : 'A'}${token.slice(11)}`;
    for (const candidate of [
      flipped,
      token.slice(0, -1),
      `${token}A`,
      token.toUpperCase() === token ? token.toLowerCase() : token.toUpperCase(),
    ]) {
      expect(await json('/api/confirmations', { token: candidate })).toMatchObject({
        status: 400,
        json: { error: 'token_invalid' },
      });
    }
    const user = await gatehouse.db.query(`SELECT status FROM users WHERE email_normalized = 'tamper@example.com'`);
    expect(user.rows[0].status).toBe('pending');
  });

  it('keeps 25 concurrent sign-ups of one address to one account and one email', async () => {
    const answers = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        json('/api/registrations', {
          email: i % 2 ? 'Race@Example.com' : 'race@example.com',
          password: `password number ${i}`,
        }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(25).fill(202));
    const users = await gatehouse.db.query(
      `SELECT count(*)::int AS n FROM users WHERE email_normalized = 'race@example.com'`,
    );
    expect(users.rows[0].n).toBe(1);
    await smtp.waitFor('race@example.com');
    // A second email would be in the sink once nothing is left in the outbox.
    await waitUntilOutboxDrained(gatehouse.db);
    expect(smtp.to('race@example.com')).toHaveLength(1);
    const usable = await gatehouse.db
      .query(`SELECT count(*)::int AS n FROM confirmation_tokens t JOIN users u ON u.id = t.user_id
      WHERE u.email_normalized = 'race@example.com' AND t.used_at IS NULL AND t.superseded_at IS NULL`);
    expect(usable.rows[0].n).toBe(1);
  });

  it('builds links from APP_URL whatever Host and X-Forwarded-Host say', async () => {
    await json(
      '/api/registrations',
      { email: 'host@example.com', password: 'long enough' },
      { host: 'evil.example', 'x-forwarded-host': 'evil.example' },
    );
    const [email] = await smtp.waitFor('host@example.com');
    expect(email.text).toContain(`${TEST_APP_URL}/confirm?token=`);
    expect(email.html).not.toContain('evil.example');
    expect(email.text).not.toContain('evil.example');
  });
});
