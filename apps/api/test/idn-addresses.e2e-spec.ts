import { waitUntil } from '@gatehouse/infrastructure/testing/smtp-sink';
import { postJson, type RunningTestApp, useTestApp } from './support/test-app';

const PASSWORD = 'correct horse battery staple';

const signUp = (running: RunningTestApp, email: string) =>
  postJson(running.gatehouse.baseUrl, '/api/registrations', { email, password: PASSWORD });
const resend = (running: RunningTestApp, email: string) =>
  postJson(running.gatehouse.baseUrl, '/api/registrations/resend', { email });

const emailsTo = async (running: RunningTestApp, key: string) =>
  (
    await running.gatehouse.db.query(
      `SELECT count(*)::int AS n FROM email_outbox WHERE channel = 'email' AND recipient_normalized = $1`,
      [key],
    )
  ).rows[0].n as number;

const age = (running: RunningTestApp, key: string, interval: string) =>
  running.gatehouse.db.query(
    `UPDATE email_outbox SET created_at = created_at - $2::interval WHERE recipient_normalized = $1`,
    [key, interval],
  );

describe('An internationalised domain, spelled in Unicode or in ASCII (punycode), is one mailbox', () => {
  const running = useTestApp({ EMAIL_COOLDOWN: '60s', EMAIL_LIMIT_PER_ADDRESS: '3/1h' });

  it('holds one account, emailed once within the cooldown, at the address as first typed', async () => {
    expect((await signUp(running, 'x@bücher.example')).status).toBe(202);
    expect((await signUp(running, 'x@xn--bcher-kva.example')).status).toBe(202);
    expect((await signUp(running, 'X@BÜCHER.EXAMPLE')).status).toBe(202);

    const { rows } = await running.gatehouse.db.query(
      `SELECT email, email_normalized FROM users WHERE email_normalized LIKE 'x@%' ORDER BY created_at`,
    );
    expect(rows).toEqual([{ email: 'x@bücher.example', email_normalized: 'x@xn--bcher-kva.example' }]);
    expect(await emailsTo(running, 'x@xn--bcher-kva.example')).toBe(1);

    // The one email leaves; once nothing is waiting, nothing else went to either spelling.
    await waitUntil(
      async () => {
        const waiting = await running.gatehouse.db.query(
          `SELECT count(*)::int AS n FROM email_outbox WHERE channel = 'email' AND state IN ('queued', 'sending')`,
        );
        return waiting.rows[0].n === 0 ? true : undefined;
      },
      15_000,
      () => 'the outbox to have sent everything',
    );
    const sent = running.smtp.received.filter((email) => /^x@(bücher|xn--bcher-kva)\.example$/i.test(email.to));
    expect(sent).toHaveLength(1);
  });

  it('counts both spellings together against the per-address limits', async () => {
    const key = 'hourly@xn--bcher-kva.example';
    await signUp(running, 'hourly@bücher.example');
    await age(running, key, '61 seconds');
    await resend(running, 'hourly@xn--bcher-kva.example');
    await age(running, key, '61 seconds');
    await resend(running, 'Hourly@Bücher.example');
    expect(await emailsTo(running, key)).toBe(3);

    await age(running, key, '61 seconds');
    expect((await resend(running, 'hourly@xn--bcher-kva.example')).status).toBe(202);
    expect((await signUp(running, 'hourly@bücher.example')).status).toBe(202);
    expect(await emailsTo(running, key)).toBe(3);
    const { rows } = await running.gatehouse.db.query(
      `SELECT count(*)::int AS n FROM users WHERE email_normalized = $1`,
      [key],
    );
    expect(rows[0].n).toBe(1);
  });
});
