import { tokenFrom } from '@gatehouse/infrastructure/testing/smtp-sink';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as oidc from 'openid-client';
import { formAction, OidcBrowser } from './support/oidc-browser';
import { addStaff, StaffClient } from './support/staff-client';
import { postJson, TEST_APP_URL, useTestApp } from './support/test-app';

const CALLBACK = 'https://product.example/callback';
const SECRET = 'a confidential client secret, long enough';
const PASSWORD = 'a long and good password';

const clientsFile = path.join(mkdtempSync(path.join(tmpdir(), 'gatehouse-oidc-')), 'clients.json');
writeFileSync(
  clientsFile,
  JSON.stringify([
    {
      client_id: 'web',
      client_secret: SECRET,
      redirect_uris: [CALLBACK],
      grant_types: ['authorization_code', 'refresh_token'],
    },
  ]),
);

/**
 * The account rules around signing in, through the running app: the per-address lockout counted before the hash,
 * the per-client limit, a new link for a pending account, the session's lifetimes, and the end of every session
 * and token when staff disable or delete the account. Each test is a client of its own (X-Forwarded-For from the
 * trusted 127.0.0.1), so the per-client limit of one does not meet another.
 */
describe('Sign-in throttling and account rules (OpenID Connect)', () => {
  const running = useTestApp({
    OIDC_CLIENTS_FILE: clientsFile,
    TRUSTED_PROXIES: '127.0.0.1',
    RATE_LIMIT_SIGNIN: '40/5m',
    SIGN_IN_SESSION_IDLE_TIMEOUT: '2h',
    SIGN_IN_SESSION_LIFETIME: '1h',
    EMAIL_COOLDOWN: '0s',
  });
  const toApp = (url: string) => url.replace(TEST_APP_URL, running.gatehouse.baseUrl);
  let clients = 0;
  const aBrowser = () => {
    clients += 1;
    return new OidcBrowser(toApp, { accept: 'text/html', 'x-forwarded-for': `198.51.100.${clients}` });
  };
  const discover = () =>
    oidc.discovery(new URL(TEST_APP_URL), 'web', SECRET, oidc.ClientSecretBasic(SECRET), {
      [oidc.customFetch]: (url, init) => fetch(toApp(String(url)), init),
    });

  async function signUp(email: string): Promise<void> {
    const answer = await postJson(running.gatehouse.baseUrl, '/api/registrations', { email, password: PASSWORD });
    expect(answer.status).toBe(202);
  }

  async function activeAccount(email: string): Promise<string> {
    await signUp(email);
    const [mail] = await running.smtp.waitFor(email);
    expect((await postJson(running.gatehouse.baseUrl, '/api/confirmations', { token: tokenFrom(mail) })).status).toBe(
      200,
    );
    const rows = (await running.gatehouse.db.query(`SELECT id FROM users WHERE email = $1`, [email])).rows as Array<{
      id: string;
    }>;
    return rows[0].id;
  }

  async function startFlow(config: oidc.Configuration, scope = 'openid email') {
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: CALLBACK,
      scope,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      ...(scope.includes('offline_access') ? { prompt: 'consent' } : {}),
    });
    return { url: url.href, verifier, state };
  }

  async function signInPage(browser: OidcBrowser, config: oidc.Configuration) {
    const page = await browser.follow((await startFlow(config)).url);
    expect(page.status).toBe(200);
    return formAction(page.html);
  }

  async function attemptsCounted(address: string): Promise<number> {
    const rows = (
      await running.gatehouse.db.query(`SELECT failures FROM user_sign_in_failures WHERE email_normalized = $1`, [
        address,
      ])
    ).rows as Array<{ failures: number }>;
    return rows[0]?.failures ?? 0;
  }

  it('checks at most 10 of 20 guesses sent at once, then answers 429 with Retry-After and when to try again', async () => {
    await activeAccount('ada@example.com');
    const config = await discover();
    const browsers = Array.from({ length: 20 }, () => aBrowser());
    const actions = await Promise.all(browsers.map((browser) => signInPage(browser, config)));
    const answers = await Promise.all(
      browsers.map((browser, i) =>
        browser.request(actions[i], { form: { email: 'ada@example.com', password: `wrong guess ${i}` } }),
      ),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(9);
    expect(statuses.filter((status) => status !== 401).every((status) => status === 429)).toBe(true);
    // Each guess that reached the hash was counted first: exactly the ten the window allows.
    expect(await attemptsCounted('ada@example.com')).toBe(10);

    const locked = answers.find((answer) => answer.status === 429)!;
    const retryAfter = Number(locked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(locked.html).toContain('Too many sign-in attempts for this address. Try again in 15 minutes.');
    expect(locked.html).toContain('name="password"');

    // The right password too waits for the lockout to end.
    const browser = aBrowser();
    const right = await browser.request(await signInPage(browser, config), {
      form: { email: 'ada@example.com', password: PASSWORD },
    });
    expect(right.status).toBe(429);
  });

  it('locks an unknown address the same way, so a lockout tells nothing', async () => {
    await activeAccount('bea@example.com');
    const config = await discover();
    const lock = async (email: string) => {
      const browser = aBrowser();
      const action = await signInPage(browser, config);
      let answer = await browser.request(action, { form: { email, password: 'a wrong password' } });
      for (let attempt = 1; attempt < 11; attempt += 1) {
        answer = await browser.request(action, { form: { email, password: 'a wrong password' } });
      }
      return answer;
    };
    const known = await lock('bea@example.com');
    const unknown = await lock('nobody-here@example.com');
    for (const answer of [known, unknown]) {
      expect(answer.status).toBe(429);
      expect(answer.headers.get('retry-after')).toMatch(/^\d+$/);
    }
    const page = (html: string, email: string) => html.replaceAll(email, '').replace(/\/sign-in\/[\w-]+/g, '');
    expect(page(known.html, 'bea@example.com')).toBe(page(unknown.html, 'nobody-here@example.com'));
  });

  it('limits sign-in attempts per client address with RATE_LIMIT_SIGNIN, whatever the addresses tried', async () => {
    const config = await discover();
    const browser = aBrowser();
    const action = await signInPage(browser, config);
    const answers = [];
    for (let attempt = 0; attempt < 41; attempt += 1) {
      answers.push(
        await browser.request(action, { form: { email: `someone-${attempt}@example.com`, password: PASSWORD } }),
      );
    }
    expect(answers.slice(0, 40).every((answer) => answer.status === 401)).toBe(true);
    const over = answers[40];
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(over.html).toContain('Too many attempts from your network.');
    expect(over.html).toContain('value="someone-40@example.com"');
    expect(over.html).toContain(`action="${new URL(action).pathname}"`);
  });

  it('offers a pending account with the right password a new confirmation link, within the email limits', async () => {
    await signUp('pending@example.com');
    await running.smtp.waitFor('pending@example.com');
    const config = await discover();
    const browser = aBrowser();
    const wrong = await browser.request(await signInPage(browser, config), {
      form: { email: 'pending@example.com', password: 'a wrong password' },
    });
    expect(wrong.html).not.toContain('action="/resend"');
    const pending = await browser.request(await signInPage(browser, config), {
      form: { email: 'pending@example.com', password: PASSWORD },
    });
    expect(pending.status).toBe(403);
    expect(pending.html).toContain('Send me a new confirmation link');
    const hidden =
      /<form method="post" action="\/resend"[^>]*>\s*<input type="hidden" name="email" value="([^"]+)"/.exec(
        pending.html,
      );
    expect(hidden?.[1]).toBe('pending@example.com');
    const resent = await browser.request(`${TEST_APP_URL}/resend`, { form: { email: hidden![1] } });
    expect(resent.status).toBe(200);
    const mails = await running.smtp.waitFor('pending@example.com', 2);
    expect(tokenFrom(mails[1])).not.toBe(tokenFrom(mails[0]));
  });

  it('keeps the session and its cookie for the idle timeout, never past SIGN_IN_SESSION_LIFETIME', async () => {
    await activeAccount('carl@example.com');
    const config = await discover();
    const browser = aBrowser();
    const page = await browser.follow((await startFlow(config)).url);
    const before = Date.now();
    const back = await browser.request(formAction(page.html), {
      form: { email: 'carl@example.com', password: PASSWORD },
    });
    expect(back.status).toBe(303);
    await browser.follow(back.location!);
    const cookie = browser.setCookies.filter((line) => line.startsWith('__Host-gatehouse.session=')).at(-1);
    expect(cookie).toMatch(/; httponly/i);
    const expires = Date.parse(/expires=([^;]+)/i.exec(cookie!)![1]);
    expect(expires).toBeGreaterThan(before + 3600_000 - 60_000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 3600_000 + 1000);
    const rows = (
      await running.gatehouse.db.query(
        `SELECT expires_at FROM oidc_payloads WHERE model = 'Session' AND payload->>'accountId' IS NOT NULL`,
      )
    ).rows as Array<{ expires_at: Date }>;
    expect(rows.length).toBeGreaterThan(0);
    for (const { expires_at } of rows) {
      // The lifetime (1h) is shorter than the idle timeout (2h): it bounds the session.
      expect(expires_at.getTime()).toBeGreaterThan(before + 3600_000 - 60_000);
      expect(expires_at.getTime()).toBeLessThanOrEqual(Date.now() + 3600_000 + 1000);
    }
  });

  it('ends the sessions and revokes the refresh tokens of an account staff disable or delete', async () => {
    await addStaff(running.gatehouse, 'admin@example.com', 'admin');
    const admin = await StaffClient.signIn(running.gatehouse.baseUrl, 'admin@example.com');
    const config = await discover();
    const signedIn = async (email: string) => {
      const id = await activeAccount(email);
      const browser = aBrowser();
      const flow = await startFlow(config, 'openid email offline_access');
      const page = await browser.follow(flow.url);
      const back = await browser.follow(formAction(page.html), { form: { email, password: PASSWORD } });
      const tokens = await oidc.authorizationCodeGrant(config, new URL(back.location!), {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
      });
      expect(tokens.refresh_token).toEqual(expect.any(String));
      return { id, browser, tokens };
    };

    for (const [email, action] of [
      ['dora@example.com', 'disable'],
      ['eve@example.com', 'delete'],
    ] as const) {
      const { id, browser, tokens } = await signedIn(email);
      const answer =
        action === 'disable'
          ? await admin.post(`/api/admin/users/${id}/disable`, { reason: 'abuse report' })
          : await admin.request('DELETE', `/api/admin/users/${id}`, { reason: 'asked to be forgotten' });
      expect(answer.status).toBe(204);
      await expect(oidc.refreshTokenGrant(config, tokens.refresh_token!)).rejects.toMatchObject({
        error: 'invalid_grant',
      });
      await expect(oidc.fetchUserInfo(config, tokens.access_token, id)).rejects.toBeDefined();
      const stored = await running.gatehouse.db.query(`SELECT 1 FROM oidc_payloads WHERE payload->>'accountId' = $1`, [
        id,
      ]);
      expect(stored.rowCount).toBe(0);
      // The browser is signed out: a new flow asks for the password again.
      const again = await browser.follow((await startFlow(config)).url);
      expect(again.status).toBe(200);
      expect(again.html).toContain('name="password"');
    }
  });
});
