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
  /** As if the accounts, and every sign-up of theirs, had come this long ago. */
  const signedUpMinutesAgo = async (minutes: number, ...addresses: string[]) => {
    await gatehouse.db.query(
      `UPDATE users SET created_at = now() - make_interval(mins => $1) WHERE email_normalized = ANY($2::text[])`,
      [minutes, addresses],
    );
    await gatehouse.db.query(
      `UPDATE sign_up_attempts SET created_at = now() - make_interval(mins => $1)
        WHERE user_id IN (SELECT id FROM users WHERE email_normalized = ANY($2::text[]))`,
      [minutes, addresses],
    );
  };
  const exists = async (address: string) =>
    (await gatehouse.db.query('SELECT 1 FROM users WHERE email_normalized = $1', [address])).rowCount === 1;

  it('removes a pending account once it is older than PENDING_ACCOUNT_TTL, with its tokens and emails, and frees the address', async () => {
    await signUp('stale@example.com');
    const confirmed = await signUp('kept@example.com');
    await postJson(gatehouse.baseUrl, '/api/confirmations', { token: tokenFrom(confirmed) });
    await signUp('recent@example.com');
    await signedUpMinutesAgo(2, 'stale@example.com', 'kept@example.com');

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

  it('keeps an old pending account that someone signed up for again within PENDING_ACCOUNT_TTL', async () => {
    await signUp('again@example.com');
    await signUp('gone@example.com');
    await postJson(gatehouse.baseUrl, '/api/registrations', {
      email: 'again@example.com',
      password: 'another long password',
    });
    // In one statement, so no purge round sees half of it: both accounts and their sign-ups are two minutes
    // old, but for the second sign-up of again@, a moment ago.
    await gatehouse.db.query(
      `WITH aged AS (
         UPDATE users SET created_at = now() - interval '2 minutes'
          WHERE email_normalized IN ('again@example.com', 'gone@example.com') RETURNING id
       ), newest AS (
         SELECT DISTINCT ON (s.user_id) s.id FROM sign_up_attempts s JOIN users u ON u.id = s.user_id
          WHERE u.email_normalized = 'again@example.com' ORDER BY s.user_id, s.created_at DESC
       )
       UPDATE sign_up_attempts SET created_at = now() - interval '2 minutes'
        WHERE user_id IN (SELECT id FROM aged) AND id NOT IN (SELECT id FROM newest)`,
    );
    await waitUntil(
      async () => ((await exists('gone@example.com')) ? undefined : true),
      10_000,
      () => 'the scheduled purge',
    );
    // The round that took gone@ looked at again@ in the same query and kept it.
    expect(await exists('again@example.com')).toBe(true);
  });

  it('removes a pending account whose confirmation hard-bounced BOUNCED_PENDING_TTL (24h) ago, not before, not for a soft bounce', async () => {
    const email = await signUp('bounced@exmaple.com');
    await signUp('bounced-soft@example.com');
    const outboxId = String(email.headers.get('x-pm-metadata-gatehouse-email-id'));
    const softId = (
      await gatehouse.db.query(`SELECT id FROM email_outbox WHERE recipient_normalized = 'bounced-soft@example.com'`)
    ).rows[0].id as string;
    // What a provider's webhook records (tested with each provider): a hard bounce, and a soft one for the other.
    const bounce = (id: string, type: 'hard' | 'soft', address: string, hoursAgo: number) =>
      gatehouse.db.query(
        `INSERT INTO delivery_events (id, provider, provider_event_id, outbox_id, address_key, kind, bounce_type,
           smtp_status, diagnostic, occurred_at, received_at)
         VALUES (gen_random_uuid(), 'postmark', gen_random_uuid()::text, $1, $2, 'bounced', $3, '5.1.1', 'user unknown',
           now() - make_interval(hours => $4), now() - make_interval(hours => $4))`,
        [id, address, type, hoursAgo],
      );
    await bounce(outboxId, 'hard', 'bounced@exmaple.com', 23);
    await bounce(softId, 'soft', 'bounced-soft@example.com', 25);
    // Rounds run every 200ms: a few of them leave both alone while the hard bounce is younger than 24h.
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(await exists('bounced@exmaple.com')).toBe(true);

    await gatehouse.db.query(
      `UPDATE delivery_events SET received_at = received_at - interval '2 hours' WHERE outbox_id = $1`,
      [outboxId],
    );
    await waitUntil(
      async () => ((await exists('bounced@exmaple.com')) ? undefined : true),
      10_000,
      () => 'the purge of the hard-bounced account',
    );
    expect(await exists('bounced-soft@example.com')).toBe(true);
  });
});
