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
writeFileSync(clientsFile, JSON.stringify([{ client_id: 'web', client_secret: SECRET, redirect_uris: [CALLBACK] }]));

/**
 * A person locked out by wrong passwords on the real sign-in page, as staff see it on the user detail, and an
 * admin lifting it with a reason (audited) so that the person signs in again at once.
 */
describe("a person's sign-in lockout, seen by staff and lifted by an admin", () => {
  const running = useTestApp({ OIDC_CLIENTS_FILE: clientsFile });
  const toApp = (url: string) => url.replace(TEST_APP_URL, running.gatehouse.baseUrl);
  let admin: StaffClient;
  let support: StaffClient;

  beforeAll(async () => {
    await addStaff(running.gatehouse, 'admin@example.com', 'admin');
    await addStaff(running.gatehouse, 'support@example.com', 'support');
    admin = await StaffClient.signIn(running.gatehouse.baseUrl, 'admin@example.com');
    support = await StaffClient.signIn(running.gatehouse.baseUrl, 'support@example.com');
  });

  async function activeAccount(email: string): Promise<string> {
    expect(
      (await postJson(running.gatehouse.baseUrl, '/api/registrations', { email, password: PASSWORD })).status,
    ).toBe(202);
    const [mail] = await running.smtp.waitFor(email);
    expect((await postJson(running.gatehouse.baseUrl, '/api/confirmations', { token: tokenFrom(mail) })).status).toBe(
      200,
    );
    const { rows } = await running.gatehouse.db.query<{ id: string }>(`SELECT id FROM users WHERE email = $1`, [email]);
    return rows[0].id;
  }

  /** The sign-in page of a fresh authorisation request, in a browser of its own, and what it answers to a form. */
  async function signIn(email: string, password: string) {
    const config = await oidc.discovery(new URL(TEST_APP_URL), 'web', SECRET, oidc.ClientSecretBasic(SECRET), {
      [oidc.customFetch]: (url, init) => fetch(toApp(String(url)), init),
    });
    const browser = new OidcBrowser(toApp, { accept: 'text/html' });
    const verifier = oidc.randomPKCECodeVerifier();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: CALLBACK,
      scope: 'openid email',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state: oidc.randomState(),
    });
    const page = await browser.follow(url.href);
    expect(page.status).toBe(200);
    return browser.request(formAction(page.html), { form: { email, password } });
  }

  const detail = async (client: StaffClient, id: string) => {
    const response = await client.get(`/api/admin/users/${id}`);
    expect(response.status).toBe(200);
    return response.json as { signInLockedUntil: string | null };
  };

  it('shows until when on the user detail; an admin lifts it with a reason, audited; the person signs in again', async () => {
    const id = await activeAccount('locked-person@example.com');
    expect((await detail(admin, id)).signInLockedUntil).toBeNull();
    const before = Date.now();
    let last = await signIn('locked-person@example.com', 'someone else guessing');
    for (let i = 1; i < 10; i += 1) last = await signIn('locked-person@example.com', 'someone else guessing');
    expect(last.status).toBe(429);
    expect((await signIn('locked-person@example.com', PASSWORD)).status).toBe(429);

    // Support sees it too; it ends about 15 minutes after the attempt that used up the window.
    const lockedUntil = (await detail(support, id)).signInLockedUntil!;
    expect(Date.parse(lockedUntil)).toBeGreaterThan(before + 14 * 60_000);
    expect(Date.parse(lockedUntil)).toBeLessThanOrEqual(Date.now() + 15 * 60_000);
    expect((await detail(admin, id)).signInLockedUntil).toBe(lockedUntil);

    const refused = await support.request('DELETE', `/api/admin/users/${id}/sign-in-lockout`, { reason: 'let me' });
    expect(refused).toMatchObject({ status: 403, json: { error: 'forbidden' } });
    const noReason = await admin.request('DELETE', `/api/admin/users/${id}/sign-in-lockout`, { reason: ' ' });
    expect(noReason.status).toBe(400);
    expect(noReason.json.errors).toEqual([expect.objectContaining({ field: 'reason' })]);
    const unknown = await admin.request(
      'DELETE',
      '/api/admin/users/00000000-0000-4000-8000-000000000000/sign-in-lockout',
      { reason: 'typo' },
    );
    expect(unknown).toMatchObject({ status: 404, json: { error: 'user_not_found' } });
    expect((await detail(admin, id)).signInLockedUntil).toBe(lockedUntil);

    const lifted = await admin.request('DELETE', `/api/admin/users/${id}/sign-in-lockout`, {
      reason: 'they called us',
    });
    expect(lifted.status).toBe(204);
    expect((await detail(admin, id)).signInLockedUntil).toBeNull();
    const again = await admin.request('DELETE', `/api/admin/users/${id}/sign-in-lockout`, { reason: 'twice' });
    expect(again).toMatchObject({ status: 404, json: { error: 'sign_in_not_locked' } });

    const audit = await admin.get(`/api/admin/audit?action=user.sign_in_lockout_lifted&targetType=user&targetId=${id}`);
    expect(audit.status).toBe(200);
    expect(audit.json.items).toEqual([
      expect.objectContaining({
        staffEmail: 'admin@example.com',
        action: 'user.sign_in_lockout_lifted',
        targetType: 'user',
        targetId: id,
        reason: 'they called us',
        changes: { lockedUntil: { from: lockedUntil, to: null } },
      }),
    ]);
    const timeline = await admin.get(`/api/admin/users/${id}`);
    expect(timeline.json.audit).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'user.sign_in_lockout_lifted' })]),
    );

    const back = await signIn('locked-person@example.com', PASSWORD);
    expect(back.status).toBe(303);
    expect(back.location).toBeDefined();
  });
});
