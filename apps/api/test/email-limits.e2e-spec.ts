import { waitUntil } from '@gatehouse/infrastructure/testing/smtp-sink';
import { postForm, postJson, type RunningTestApp, useTestApp } from './support/test-app';

const PASSWORD = 'correct horse battery staple';

const signUp = (running: RunningTestApp, email: string) =>
  postJson(running.gatehouse.baseUrl, '/api/registrations', { email, password: PASSWORD });
const resend = (running: RunningTestApp, email: string) =>
  postJson(running.gatehouse.baseUrl, '/api/registrations/resend', { email });

const queuedTo = async (running: RunningTestApp, address: string) =>
  (
    await running.gatehouse.db.query(
      `SELECT count(*)::int AS n FROM email_outbox WHERE channel = 'email' AND recipient_normalized = $1`,
      [address],
    )
  ).rows[0].n as number;

/** Moves an address's emails back in time, as if `interval` had passed since each was queued. */
const age = (running: RunningTestApp, address: string, interval: string) =>
  running.gatehouse.db.query(
    `UPDATE email_outbox SET created_at = created_at - $2::interval WHERE recipient_normalized = $1`,
    [address, interval],
  );

describe('Emails to one address: at most one per EMAIL_COOLDOWN and EMAIL_LIMIT_PER_ADDRESS', () => {
  const running = useTestApp({ EMAIL_COOLDOWN: '60s', EMAIL_LIMIT_PER_ADDRESS: '3/1h' });

  it('sends nothing more within the cooldown, whichever path asks, and answers as usual', async () => {
    const first = await signUp(running, 'cool@example.com');
    const again = await signUp(running, 'cool@example.com');
    const resent = await resend(running, 'cool@example.com');
    const page = await postForm(running.gatehouse.baseUrl, '/resend', { email: 'cool@example.com' });

    expect([first.status, again.status, resent.status, page.status]).toEqual([202, 202, 202, 200]);
    expect(again.json).toEqual(first.json);
    expect(page.html).toContain('cool@example.com');
    expect(await queuedTo(running, 'cool@example.com')).toBe(1);
  });

  it('sends at most the hourly limit to one address, counting sign-ups and resends together', async () => {
    const address = 'hourly@example.com';
    await signUp(running, address);
    await age(running, address, '61 seconds');
    await resend(running, address);
    await age(running, address, '61 seconds');
    await signUp(running, address);
    expect(await queuedTo(running, address)).toBe(3);

    await age(running, address, '61 seconds');
    const refusedResend = await resend(running, address);
    const refusedSignUp = await signUp(running, address);
    expect(refusedResend).toMatchObject({ status: 202, json: { status: 'accepted' } });
    expect(refusedSignUp).toMatchObject({ status: 202, json: { status: 'pending_confirmation' } });
    expect(await queuedTo(running, address)).toBe(3);

    // Once the oldest has left the hour, there is room for one more.
    await running.gatehouse.db.query(
      `UPDATE email_outbox SET created_at = now() - interval '61 minutes'
        WHERE id = (SELECT id FROM email_outbox WHERE recipient_normalized = $1 ORDER BY created_at LIMIT 1)`,
      [address],
    );
    await resend(running, address);
    expect(await queuedTo(running, address)).toBe(4);
    await running.smtp.waitFor(address, 4);
  });

  it("counts an active account's notices under the same limits", async () => {
    const address = 'notice@example.com';
    await signUp(running, address);
    const [email] = await running.smtp.waitFor(address);
    const token = /\/confirm\?token=([A-Za-z0-9_-]+)/.exec(email.text)![1];
    await postJson(running.gatehouse.baseUrl, '/api/confirmations', { token });
    for (let n = 0; n < 4; n += 1) {
      await age(running, address, '61 seconds');
      await signUp(running, address);
    }
    expect(await queuedTo(running, address)).toBe(3);
    const subjects = (await running.smtp.waitFor(address, 3)).map((sent) => sent.subject);
    expect(subjects.filter((subject) => subject.includes('already exists'))).toHaveLength(2);
  });
});

describe('EMAIL_LIMIT_GLOBAL: a cap on all outgoing email', () => {
  const logs: string[] = [];
  const running = useTestApp(
    { EMAIL_LIMIT_GLOBAL: '2/1h', EMAIL_COOLDOWN: '0s', LOG_LEVEL: 'warn' },
    { logDestination: { write: (line: string) => void logs.push(line) } },
  );

  const states = async () =>
    (
      await running.gatehouse.db.query(
        `SELECT state, count(*)::int AS n FROM email_outbox WHERE channel = 'email' GROUP BY state ORDER BY state`,
      )
    ).rows.map((row: { state: string; n: number }) => `${row.state}: ${row.n}`);

  it('keeps the emails over the cap queued, loses none, and sends them once the window has room', async () => {
    for (const address of ['cap-1@example.com', 'cap-2@example.com', 'cap-3@example.com', 'cap-4@example.com']) {
      expect((await signUp(running, address)).status).toBe(202);
    }
    await running.smtp.waitForTotal(2);
    // The worker says so in the first round that finds no room: it has looked at the other two and left them
    // waiting, never attempted. (A fixed sleep here would pass without the worker having looked at all.)
    await waitUntil(
      () => (logs.some((line) => line.includes('EMAIL_LIMIT_GLOBAL) is reached')) ? true : undefined),
      10_000,
      () => `the worker to report the email cap as reached; logs:\n${logs.join('')}`,
    );
    expect(running.smtp.received).toHaveLength(2);
    expect(await states()).toEqual(['queued: 2', 'sent: 2']);
    const waiting = await running.gatehouse.db.query(
      `SELECT attempts FROM email_outbox WHERE channel = 'email' AND state = 'queued'`,
    );
    expect(waiting.rows).toEqual([{ attempts: 0 }, { attempts: 0 }]);

    // An hour later, as far as the window is concerned.
    await running.gatehouse.db.query(
      `UPDATE email_outbox SET sent_at = sent_at - interval '61 minutes' WHERE state = 'sent'`,
    );
    await running.smtp.waitForTotal(4);
    expect(new Set(running.smtp.received.map((email) => email.to)).size).toBe(4);
    await waitUntil(
      async () => ((await states()).join() === 'sent: 4' ? true : undefined),
      10_000,
      () => 'all four emails to be recorded as sent',
    );
  });
});
