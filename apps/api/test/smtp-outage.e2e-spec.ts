import { waitUntilOutboxDrained } from '@gatehouse/infrastructure/testing/queued-emails';
import { type SmtpSink, waitUntil } from '@gatehouse/infrastructure/testing/smtp-sink';
import { postJson, type TestApp, useTestApp } from './support/test-app';

describe('Sign-ups while SMTP is down', () => {
  const running = useTestApp({ OUTBOX_STUCK_AFTER: '1s' });
  let smtp: SmtpSink;
  let gatehouse: TestApp;

  beforeAll(() => ({ smtp, gatehouse } = running));

  it('never fail: every email arrives once SMTP is back, none twice', async () => {
    await smtp.down();
    const addresses = Array.from({ length: 12 }, (_, i) => `outage${i}@example.com`);
    const answers = await Promise.all(
      addresses.map((email) =>
        postJson(gatehouse.baseUrl, '/api/registrations', { email, password: 'long enough password' }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(12).fill(202));

    // The worker tries, fails to connect, and keeps the emails queued with the error recorded.
    const failing = await waitUntil(
      async () => {
        const rows = await gatehouse.db.query(
          `SELECT count(*)::int AS n FROM email_outbox WHERE attempts > 0 AND state = 'queued' AND last_error IS NOT NULL`,
        );
        return rows.rows[0].n === 12 ? rows.rows[0].n : undefined;
      },
      15_000,
      () => 'every email to have failed once while SMTP is down',
    );
    expect(failing).toBe(12);
    expect(smtp.received).toHaveLength(0);

    // Stuck email degrades readiness but keeps it 200: sign-ups go on while the emails wait. The oldest email's
    // age is reported in whole seconds, so readiness turns degraded somewhat after OUTBOX_STUCK_AFTER: wait for it.
    const statuses = new Set<number>();
    const degraded = await waitUntil(
      async () => {
        const ready = await fetch(`${gatehouse.baseUrl}/health/ready`);
        statuses.add(ready.status);
        const body = (await ready.json()) as { status: string };
        return body.status === 'degraded' ? body : undefined;
      },
      10_000,
      () => 'readiness to report the stuck outbox',
    );
    expect([...statuses]).toEqual([200]);
    expect(degraded).toMatchObject({ status: 'degraded', details: { outbox: { status: 'degraded' } } });

    await smtp.up();
    await smtp.waitForTotal(12);
    await waitUntil(
      async () => {
        const rows = await gatehouse.db.query(`SELECT count(*)::int AS n FROM email_outbox WHERE state = 'sent'`);
        return rows.rows[0].n === 12 ? true : undefined;
      },
      15_000,
      () => 'all 12 emails to be recorded as sent',
    );
    // Nothing is left to send, so nothing more can arrive: every email is in, and any duplicate would be too.
    await waitUntilOutboxDrained(gatehouse.db);
    expect(smtp.received.map((email) => email.to).sort()).toEqual([...addresses].sort());
    expect(new Set(smtp.received.map((email) => email.messageId)).size).toBe(12);
    const users = await gatehouse.db.query(`SELECT count(*)::int AS n FROM users WHERE status = 'pending'`);
    expect(users.rows[0].n).toBe(12);
  });
});
