import { type SmtpSink, tokenFrom, waitUntil } from '@gatehouse/infrastructure/testing/smtp-sink';
import { postJson, type TestApp, useTestApp } from './support/test-app';

describe('Removing accounts never confirmed', () => {
  const running = useTestApp({ PENDING_ACCOUNT_TTL: '1m', PURGE_INTERVAL: '200ms' });
  let smtp: SmtpSink;
  let gatehouse: TestApp;
  beforeAll(() => ({ smtp, gatehouse } = running));

  const signUp = async (address: string) => {
    await postJson(gatehouse.baseUrl, '/api/registrations', { email: address, password: 'long enough password' });
    return (await smtp.waitFor(address))[0];
  };
  const exists = async (address: string) =>
    (await gatehouse.db.query('SELECT 1 FROM users WHERE email_normalized = $1', [address])).rowCount === 1;

  it('removes a pending account once it is older than PENDING_ACCOUNT_TTL, with its tokens and emails, and frees the address', async () => {
    await signUp('stale@example.com');
    const confirmed = await signUp('kept@example.com');
    await postJson(gatehouse.baseUrl, '/api/confirmations', { token: tokenFrom(confirmed) });
    await signUp('recent@example.com');
    await gatehouse.db.query(
      `UPDATE users SET created_at = now() - interval '2 minutes' WHERE email_normalized IN ('stale@example.com', 'kept@example.com')`,
    );

    await waitUntil(
      async () => ((await exists('stale@example.com')) ? undefined : true),
      10_000,
      () => 'the scheduled purge',
    );
    expect(await exists('kept@example.com')).toBe(true);
    expect(await exists('recent@example.com')).toBe(true);
    const leftovers = await gatehouse.db.query(
      `SELECT (SELECT count(*) FROM confirmation_tokens t LEFT JOIN users u ON u.id = t.user_id WHERE u.id IS NULL)::int AS tokens,
              (SELECT count(*) FROM email_outbox WHERE recipient_normalized = 'stale@example.com')::int AS emails`,
    );
    expect(leftovers.rows).toEqual([{ tokens: 0, emails: 0 }]);

    // The address is free again: signing up starts from scratch.
    const again = await signUp('stale@example.com');
    expect(again.subject).toContain('Confirm your email');
    expect(await exists('stale@example.com')).toBe(true);
  });
});
