import { waitUntilOutboxDrained } from '@gatehouse/infrastructure/testing/queued-emails';
import { type SmtpSink, tokenFrom } from '@gatehouse/infrastructure/testing/smtp-sink';
import { postJson, type TestApp, useTestApp } from './support/test-app';

describe('Public HTTP contract for registrations and confirmations', () => {
  const running = useTestApp();
  let smtp: SmtpSink;
  let gatehouse: TestApp;

  beforeAll(() => ({ smtp, gatehouse } = running));

  const register = (email: string, password = 'correct horse battery') =>
    postJson(gatehouse.baseUrl, '/api/registrations', { email, password });
  const confirm = (token: unknown) => postJson(gatehouse.baseUrl, '/api/confirmations', { token });
  const resend = (email: string) => postJson(gatehouse.baseUrl, '/api/registrations/resend', { email });
  /** Lets the per-address cooldown pass without waiting a minute. */
  const forgetCooldown = (address: string) =>
    gatehouse.db.query(
      `UPDATE email_outbox SET created_at = created_at - interval '1 hour' WHERE recipient_normalized = $1`,
      [address],
    );

  it('answers new, pending and active addresses alike, and tells only the mailbox the difference', async () => {
    const fresh = await register('new@example.com');
    await smtp.waitFor('new@example.com');

    await forgetCooldown('new@example.com');
    const pending = await register('NEW@example.com', 'another password');
    const [, second] = await smtp.waitFor('new@example.com', 2);
    expect(second.subject).toContain('Confirm your email');

    // Signed up twice before anyone confirmed: the link needs to know whose sign-up it confirms.
    expect((await confirm(tokenFrom(second))).json).toMatchObject({ error: 'password_required' });
    const confirmed = await postJson(gatehouse.baseUrl, '/api/confirmations', {
      token: tokenFrom(second),
      password: 'another password',
    });
    expect(confirmed.json).toEqual({ status: 'confirmed' });
    await forgetCooldown('new@example.com');
    const active = await register('new@example.com', 'yet another password');
    const [, , third] = await smtp.waitFor('new@example.com', 3);
    expect(third.subject).toBe('Your Gatehouse account already exists');
    expect(third.text).not.toContain('/confirm?token=');

    for (const answer of [fresh, pending, active]) {
      expect(answer.status).toBe(202);
      expect(answer.json).toEqual(fresh.json);
    }
    const users = await gatehouse.db.query(
      `SELECT count(*)::int AS n FROM users WHERE email_normalized = 'new@example.com'`,
    );
    expect(users.rows[0].n).toBe(1);
  });

  it('gives a pending address a fresh link on sign-up and voids the older one', async () => {
    await register('pending@example.com');
    const [first] = await smtp.waitFor('pending@example.com');
    await forgetCooldown('pending@example.com');
    await register('pending@example.com');
    const [, second] = await smtp.waitFor('pending@example.com', 2);

    expect(await confirm(tokenFrom(first))).toMatchObject({ status: 400, json: { error: 'token_invalid' } });
    expect(await confirm(tokenFrom(second))).toMatchObject({ status: 409, json: { error: 'password_required' } });
  });

  it('answers every one of ten clicks at once on one link with 200: confirmed once, already_confirmed after', async () => {
    await register('clicks@example.com');
    const token = tokenFrom((await smtp.waitFor('clicks@example.com'))[0]);
    const answers = await Promise.all(Array.from({ length: 10 }, () => confirm(token)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(200));
    const statuses = answers.map((answer) => answer.json.status).sort();
    expect(statuses).toEqual([...Array(9).fill('already_confirmed'), 'confirmed']);
    const used = await gatehouse.db.query(
      `SELECT count(*)::int AS n FROM confirmation_tokens WHERE used_at IS NOT NULL
         AND user_id = (SELECT id FROM users WHERE email_normalized = 'clicks@example.com')`,
    );
    expect(used.rows[0].n).toBe(1);
  });

  it('confirms once; the same token again is already_confirmed; expired is 410; unknown is 400', async () => {
    await register('carol@example.com');
    const token = tokenFrom((await smtp.waitFor('carol@example.com'))[0]);
    expect(await confirm(token)).toMatchObject({ status: 200, json: { status: 'confirmed' } });
    expect(await confirm(token)).toMatchObject({ status: 200, json: { status: 'already_confirmed' } });

    await register('dave@example.com');
    const expiring = tokenFrom((await smtp.waitFor('dave@example.com'))[0]);
    await gatehouse.db.query(`UPDATE confirmation_tokens SET expires_at = now() - interval '1 second'
      WHERE user_id = (SELECT id FROM users WHERE email_normalized = 'dave@example.com')`);
    expect(await confirm(expiring)).toMatchObject({
      status: 410,
      json: { error: 'token_expired', message: expect.any(String) },
    });
    const page = await fetch(`${gatehouse.baseUrl}/confirm?token=${expiring}`);
    expect(page.status).toBe(410);
    const html = await page.text();
    expect(html).toContain('This link has expired');
    expect(html).toContain('action="/resend"');
    const dave = await gatehouse.db.query(`SELECT status FROM users WHERE email_normalized = 'dave@example.com'`);
    expect(dave.rows[0].status).toBe('pending');

    expect(await confirm('A'.repeat(43))).toMatchObject({ status: 400, json: { error: 'token_invalid' } });
  });

  it('never re-activates a disabled account', async () => {
    await register('erin@example.com');
    const token = tokenFrom((await smtp.waitFor('erin@example.com'))[0]);
    await gatehouse.db.query(`UPDATE users SET status = 'disabled' WHERE email_normalized = 'erin@example.com'`);
    expect(await confirm(token)).toMatchObject({ status: 403, json: { error: 'account_disabled' } });
    const erin = await gatehouse.db.query(`SELECT status FROM users WHERE email_normalized = 'erin@example.com'`);
    expect(erin.rows[0].status).toBe('disabled');
  });

  it('accepts a resend for every address, sends at most one email per address per cooldown', async () => {
    const unknown = await resend('nobody@example.com');
    expect(unknown.status).toBe(202);

    await register('frank@example.com');
    const [first] = await smtp.waitFor('frank@example.com');
    const tooSoon = await resend('frank@example.com');
    expect(tooSoon.status).toBe(202);
    expect(tooSoon.json).toEqual(unknown.json);

    await forgetCooldown('frank@example.com');
    await resend('Frank@Example.com');
    const [, second] = await smtp.waitFor('frank@example.com', 2);
    expect(tokenFrom(second)).not.toBe(tokenFrom(first));
    expect(await confirm(tokenFrom(first))).toMatchObject({ status: 400, json: { error: 'token_invalid' } });

    // Anything wrongly queued has reached the SMTP sink once the outbox is empty: then count.
    await waitUntilOutboxDrained(gatehouse.db);
    expect(smtp.to('frank@example.com')).toHaveLength(2);
    expect(smtp.to('nobody@example.com')).toHaveLength(0);
  });

  it('stores tokens only as digests and keeps the confirmation secret out of the outbox in clear', async () => {
    await register('grace@example.com');
    const token = tokenFrom((await smtp.waitFor('grace@example.com'))[0]);
    const tokens = await gatehouse.db.query(`SELECT digest FROM confirmation_tokens t JOIN users u ON u.id = t.user_id
      WHERE u.email_normalized = 'grace@example.com'`);
    expect(tokens.rows).toHaveLength(1);
    expect(tokens.rows[0].digest).toMatch(/^[0-9a-f]{64}$/);
    expect(tokens.rows[0].digest).not.toContain(token);
    const outbox = await gatehouse.db.query(
      `SELECT encode(coalesce(payload, ''::bytea), 'escape') AS payload, state FROM email_outbox WHERE recipient_normalized = 'grace@example.com'`,
    );
    expect(outbox.rows[0].state).toBe('sent');
    expect(outbox.rows[0].payload).toBe('');
    const hashes = await gatehouse.db.query(
      `SELECT password_hash FROM users WHERE email_normalized = 'grace@example.com'`,
    );
    expect(hashes.rows[0].password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
  });

  it('reports health: live at once, ready once the database answers and migrations ran', async () => {
    const live = await fetch(`${gatehouse.baseUrl}/health/live`);
    expect(live.status).toBe(200);
    expect(await live.json()).toMatchObject({ status: 'ok' });
    const ready = await fetch(`${gatehouse.baseUrl}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ok',
      details: {
        database: { status: 'up' },
        migrations: { status: 'up' },
        outbox: { status: 'up', waitingEmails: expect.any(Number), oldestWaitingSeconds: expect.any(Number) },
      },
    });
  });
});
