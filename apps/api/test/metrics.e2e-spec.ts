import { waitUntilOutboxDrained } from '@gatehouse/infrastructure/testing/queued-emails';
import { type SmtpSink, tokenFrom, waitUntil } from '@gatehouse/infrastructure/testing/smtp-sink';
import { postJson, type TestApp, useTestApp } from './support/test-app';

/** The value of one sample line, e.g. metric('gatehouse_emails{state="sent"}'). */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  if (!line) throw new Error(`No ${series} in:\n${text.slice(0, 2000)}`);
  return Number(line.slice(series.length + 1));
}

describe('GET /metrics', () => {
  const running = useTestApp({ METRICS_TOKEN: 'scrape-token-0123456789' });
  let smtp: SmtpSink;
  let gatehouse: TestApp;

  beforeAll(() => ({ smtp, gatehouse } = running));

  const scrape = async () => {
    const response = await fetch(`${gatehouse.baseUrl}/metrics`, {
      headers: { authorization: 'Bearer scrape-token-0123456789' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    return response.text();
  };

  it('wants the token when one is configured', async () => {
    expect((await fetch(`${gatehouse.baseUrl}/metrics`)).status).toBe(401);
    expect((await fetch(`${gatehouse.baseUrl}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(
      401,
    );
  });

  it('counts sign-ups, resends and confirmations, emails by state, hashing, latency and time to confirm', async () => {
    await postJson(gatehouse.baseUrl, '/api/registrations', {
      email: 'm1@example.com',
      password: 'long enough password',
    });
    await postJson(gatehouse.baseUrl, '/api/registrations', {
      email: 'm2@example.com',
      password: 'long enough password',
    });
    await postJson(gatehouse.baseUrl, '/api/registrations/resend', { email: 'nobody@example.com' });
    const [email] = await smtp.waitFor('m1@example.com');
    await smtp.waitFor('m2@example.com');
    await postJson(gatehouse.baseUrl, '/api/confirmations', { token: tokenFrom(email) });
    // Both emails recorded as sent, and nothing else on its way (the resend to nobody queued none).
    await waitUntilOutboxDrained(gatehouse.db);

    const text = await scrape();
    expect(sample(text, 'gatehouse_signups_total')).toBe(2);
    expect(sample(text, 'gatehouse_resends_total')).toBe(1);
    expect(sample(text, 'gatehouse_confirmations_total')).toBe(1);
    expect(sample(text, 'gatehouse_signup_to_confirmation_seconds_count')).toBe(1);
    expect(sample(text, 'gatehouse_emails{state="sent"}')).toBe(2);
    expect(sample(text, 'gatehouse_emails{state="failed"}')).toBe(0);
    expect(sample(text, 'gatehouse_outbox_depth')).toBe(0);
    expect(sample(text, 'gatehouse_outbox_oldest_age_seconds')).toBe(0);
    expect(sample(text, 'gatehouse_password_hash_duration_seconds_count')).toBe(2);
    expect(
      sample(
        text,
        'gatehouse_http_request_duration_seconds_count{method="POST",route="/api/registrations",status="202"}',
      ),
    ).toBe(2);
    expect(text).toContain('gatehouse_process_resident_memory_bytes');
    expect(text).not.toContain('token=');
  });

  it('shows waiting email and its age while SMTP is down', async () => {
    await smtp.down();
    try {
      await postJson(gatehouse.baseUrl, '/api/registrations', {
        email: 'm3@example.com',
        password: 'long enough password',
      });
      // The email has waited a second.
      await waitUntil(
        async () => {
          const { rows } = await gatehouse.db.query(
            `SELECT count(*)::int AS n FROM email_outbox
              WHERE state IN ('queued', 'sending') AND created_at <= now() - interval '1 second'`,
          );
          return rows[0].n === 1 ? true : undefined;
        },
        15_000,
        () => 'the email to m3@example.com to have waited a second',
      );
      const text = await scrape();
      expect(sample(text, 'gatehouse_outbox_depth')).toBe(1);
      expect(sample(text, 'gatehouse_outbox_oldest_age_seconds')).toBeGreaterThanOrEqual(1);
    } finally {
      await smtp.up();
    }
    await smtp.waitFor('m3@example.com');
  });
});
