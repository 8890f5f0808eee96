import { tokenFrom } from '@gatehouse/infrastructure/testing/smtp-sink';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as oidc from 'openid-client';
import { formAction, OidcBrowser } from './support/oidc-browser';
import { postJson, TEST_APP_URL, useTestApp } from './support/test-app';

const CALLBACK = 'https://product.example/callback';
const LOGGED_OUT = 'https://product.example/signed-out';
const SECRET = 'a confidential client secret, long enough';
const PASSWORD = 'a long and good password';

const clientsFile = path.join(mkdtempSync(path.join(tmpdir(), 'gatehouse-oidc-')), 'clients.json');
writeFileSync(
  clientsFile,
  JSON.stringify([
    {
      client_id: 'web',
      client_secret: SECRET,
      client_name: 'The Product',
      redirect_uris: [CALLBACK],
      post_logout_redirect_uris: [LOGGED_OUT],
      grant_types: ['authorization_code', 'refresh_token'],
    },
    { client_id: 'spa', token_endpoint_auth_method: 'none', redirect_uris: [CALLBACK] },
  ]),
);

/**
 * Sign-in with Gatehouse from a real relying party (openid-client) against the running app, the person's browser
 * played by fetch with its cookies carried by hand. The issuer is TEST_APP_URL; every request to it goes to the
 * app's listener, as through a TLS-terminating proxy.
 */
describe('Sign in with Gatehouse (OpenID Connect)', () => {
  const running = useTestApp({ OIDC_CLIENTS_FILE: clientsFile });
  const toApp = (url: string | URL) => String(url).replace(TEST_APP_URL, running.gatehouse.baseUrl);
  const viaApp: typeof fetch = (url, init) => fetch(toApp(url as string), init);

  const discover = (clientId: string, secret?: string) =>
    oidc.discovery(new URL(TEST_APP_URL), clientId, secret, secret ? oidc.ClientSecretBasic(secret) : oidc.None(), {
      [oidc.customFetch]: viaApp,
    });

  async function activeAccount(email: string): Promise<void> {
    expect(
      (await postJson(running.gatehouse.baseUrl, '/api/registrations', { email, password: PASSWORD })).status,
    ).toBe(202);
    const [mail] = await running.smtp.waitFor(email);
    const confirmed = await postJson(running.gatehouse.baseUrl, '/api/confirmations', { token: tokenFrom(mail) });
    expect(confirmed.status).toBe(200);
  }

  async function startFlow(config: oidc.Configuration, extra: Record<string, string> = {}) {
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: CALLBACK,
      scope: 'openid email profile',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      ...extra,
    });
    return { url: url.href, verifier, state };
  }

  it('signs a person in: discovery, code with PKCE, a verified ID token, userinfo, refresh and sign-out', async () => {
    await activeAccount('ada@example.com');
    const config = await discover('web', SECRET);
    oidc.enableNonRepudiationChecks(config);
    const metadata = config.serverMetadata();
    expect(metadata).toMatchObject({
      issuer: TEST_APP_URL,
      authorization_endpoint: `${TEST_APP_URL}/oidc/auth`,
      token_endpoint: `${TEST_APP_URL}/oidc/token`,
      userinfo_endpoint: `${TEST_APP_URL}/oidc/me`,
      jwks_uri: `${TEST_APP_URL}/oidc/jwks`,
      end_session_endpoint: `${TEST_APP_URL}/oidc/session/end`,
      revocation_endpoint: `${TEST_APP_URL}/oidc/token/revocation`,
      code_challenge_methods_supported: ['S256'],
    });

    const browser = new OidcBrowser(toApp);
    const flow = await startFlow(config, { scope: 'openid email profile offline_access', prompt: 'consent' });
    const signInPage = await browser.follow(flow.url);
    expect(signInPage.status).toBe(200);
    expect(signInPage.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(signInPage.headers.get('content-security-policy')).toMatch(/form-action 'self' https:\/\/product\.example/);
    expect(signInPage.html).toContain('name="email"');
    expect(signInPage.html).not.toMatch(/<script>|style=/);
    expect(browser.cookieNames()).toEqual(
      expect.arrayContaining(['__Secure-gatehouse.interaction', '__Secure-gatehouse.resume']),
    );

    const back = await browser.follow(formAction(signInPage.html), {
      form: { email: 'ada@example.com', password: PASSWORD },
    });
    expect(back.location).toMatch(new RegExp(`^${CALLBACK}\\?code=`));
    expect(browser.cookieNames()).toContain('__Host-gatehouse.session');

    const tokens = await oidc.authorizationCodeGrant(config, new URL(back.location!), {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
    });
    const [user] = (await running.gatehouse.db.query(`SELECT id FROM users WHERE email = 'ada@example.com'`))
      .rows as Array<{ id: string }>;
    const claims = { sub: user.id, email: 'ada@example.com', email_verified: true, locale: 'en' };
    expect(tokens.claims()).toMatchObject({ ...claims, iss: TEST_APP_URL, aud: 'web' });
    const header = JSON.parse(Buffer.from(tokens.id_token!.split('.')[0], 'base64url').toString()) as { kid: string };
    const [stored] = (await running.gatehouse.db.query(`SELECT kid FROM oidc_signing_keys`)).rows as Array<{
      kid: string;
    }>;
    expect(header.kid).toBe(stored.kid);
    await expect(oidc.fetchUserInfo(config, tokens.access_token, user.id)).resolves.toEqual(claims);

    expect(tokens.refresh_token).toEqual(expect.any(String));
    const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token!);
    await expect(oidc.fetchUserInfo(config, refreshed.access_token, user.id)).resolves.toEqual(claims);

    // The same browser is signed in: a new flow comes straight back with a code.
    const again = await browser.follow((await startFlow(config)).url);
    expect(again.location).toMatch(new RegExp(`^${CALLBACK}\\?code=`));

    const logoutPage = await browser.follow(
      oidc.buildEndSessionUrl(config, {
        id_token_hint: tokens.id_token!,
        post_logout_redirect_uri: LOGGED_OUT,
        state: 'bye',
      }).href,
    );
    expect(logoutPage.status).toBe(200);
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(logoutPage.html)?.[1];
    expect(xsrf).toBeDefined();
    const signedOut = await browser.request(`${TEST_APP_URL}/oidc/session/end/confirm`, {
      form: { xsrf: xsrf!, logout: 'yes' },
    });
    expect(signedOut.location).toBe(`${LOGGED_OUT}?state=bye`);
    const afterLogout = await browser.follow((await startFlow(config)).url);
    expect(afterLogout.status).toBe(200);
    expect(afterLogout.html).toContain('name="password"');
  });

  it('answers a wrong password and an unknown address alike, and tells a pending account to confirm', async () => {
    await activeAccount('bob@example.com');
    await postJson(running.gatehouse.baseUrl, '/api/registrations', { email: 'new@example.com', password: PASSWORD });
    const config = await discover('web', SECRET);
    const browser = new OidcBrowser(toApp);
    const page = await browser.follow((await startFlow(config)).url);
    const action = formAction(page.html);
    const wrong = await browser.request(action, { form: { email: 'bob@example.com', password: 'not the password' } });
    const unknown = await browser.request(action, { form: { email: 'nobody@example.com', password: PASSWORD } });
    for (const answer of [wrong, unknown]) {
      expect(answer.status).toBe(401);
      expect(answer.html).toContain('The email address or the password is not right.');
    }
    expect(wrong.html.replace(/bob@example\.com/g, '')).toBe(unknown.html.replace(/nobody@example\.com/g, ''));
    const pending = await browser.request(action, { form: { email: 'new@example.com', password: PASSWORD } });
    expect(pending.status).toBe(403);
    expect(pending.html).toContain('Confirm your email address first');
    const german = await fetch(toApp(action), { headers: { 'accept-language': 'de' } });
    expect(german.status).toBe(400);
  });

  it('refuses a wrong redirect URI, a public client without PKCE, a reused code and a tampered state', async () => {
    await activeAccount('carol@example.com');
    const config = await discover('web', SECRET);
    const wrongRedirect = await new OidcBrowser(toApp).request(
      oidc.buildAuthorizationUrl(config, { redirect_uri: 'https://evil.example/cb', scope: 'openid' }).href,
    );
    expect(wrongRedirect.status).toBe(400);
    expect(wrongRedirect.location).toBeUndefined();
    expect(wrongRedirect.html).toContain('redirect_uri');

    const spa = await discover('spa');
    const noPkce = await new OidcBrowser(toApp).request(
      oidc.buildAuthorizationUrl(spa, { redirect_uri: CALLBACK, scope: 'openid', state: 's' }).href,
    );
    expect(noPkce.location).toMatch(/^https:\/\/product\.example\/callback\?error=invalid_request/);
    expect(new URL(noPkce.location!).searchParams.get('error_description')).toMatch(/PKCE/);

    const browser = new OidcBrowser(toApp);
    const flow = await startFlow(config);
    const page = await browser.follow(flow.url);
    const back = await browser.follow(formAction(page.html), {
      form: { email: 'carol@example.com', password: PASSWORD },
    });
    const callback = new URL(back.location!);
    const tampered = new URL(callback);
    tampered.searchParams.set('state', 'tampered');
    await expect(
      oidc.authorizationCodeGrant(config, tampered, { pkceCodeVerifier: flow.verifier, expectedState: flow.state }),
    ).rejects.toMatchObject({ cause: expect.objectContaining({ message: expect.stringMatching(/state/) }) });
    await oidc.authorizationCodeGrant(config, callback, { pkceCodeVerifier: flow.verifier, expectedState: flow.state });
    await expect(
      oidc.authorizationCodeGrant(config, callback, { pkceCodeVerifier: flow.verifier, expectedState: flow.state }),
    ).rejects.toMatchObject({ error: 'invalid_grant' });
  });
});
