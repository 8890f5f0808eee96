import { type SmtpSink, tokenFrom, waitUntil } from '@gatehouse/infrastructure/testing/smtp-sink';
import * as argon2 from 'argon2';
import { postForm, postJson, type TestApp, useTestApp } from './support/test-app';

const OWNER = 'tulip seventeen harbor';
const STRANGER = 'granite pelican wobble';

/**
 * Issue 13's first finding, over real HTTP, PostgreSQL and SMTP: a stranger who signs up the owner's address
 * (before or after the owner, inside the 60 s cooldown or outside it) can never leave their password on the
 * account the owner's mailbox confirms, whichever email the owner clicks.
 */
describe('Rival sign-ups of one address', () => {
  const running = useTestApp({ EMAIL_COOLDOWN: '60s' });
  let smtp: SmtpSink;
  let gatehouse: TestApp;
  let n = 0;

  beforeAll(() => ({ smtp, gatehouse } = running));

  /** Signs up as a browser would: the cookie it got back is what it will send when it confirms. */
  async function signUp(email: string, password: string, cookie?: string) {
    const answer = await postJson(
      gatehouse.baseUrl,
      '/api/registrations',
      { email, password },
      cookie ? { cookie } : {},
    );
    expect(answer.status).toBe(202);
    const set = answer.headers.get('set-cookie');
    return { answer, cookie: cookie ?? (set ? set.split(';')[0] : undefined) };
  }
  const confirm = (body: Record<string, unknown>, cookie?: string) =>
    postJson(gatehouse.baseUrl, '/api/confirmations', body, cookie ? { cookie } : {});
  const forgetCooldown = (address: string) =>
    gatehouse.db.query(
      `UPDATE email_outbox SET created_at = created_at - interval '1 hour' WHERE recipient_normalized = $1`,
      [address],
    );
  /** Which password the account ended up with: try each against the stored argon2id hash. */
  async function passwordIs(address: string, password: string): Promise<boolean> {
    const { rows } = await gatehouse.db.query(`SELECT password_hash FROM users WHERE email_normalized = $1`, [address]);
    return argon2.verify(rows[0].password_hash, password);
  }
  const status = async (address: string) =>
    (await gatehouse.db.query(`SELECT status FROM users WHERE email_normalized = $1`, [address])).rows[0].status;

  describe.each([
    ['owner first', 'inside the cooldown'],
    ['owner first', 'outside the cooldown'],
    ['stranger first', 'inside the cooldown'],
    ['stranger first', 'outside the cooldown'],
  ])('%s, %s', (order, timing) => {
    async function race() {
      n += 1;
      const address = `mailbox${n}@example.com`;
      const owner = { password: OWNER, cookie: undefined as string | undefined };
      const stranger = { password: STRANGER, cookie: undefined as string | undefined };
      const [first, second] = order === 'owner first' ? [owner, stranger] : [stranger, owner];
      first.cookie = (await signUp(address, first.password)).cookie;
      await smtp.waitFor(address, 1);
      if (timing === 'outside the cooldown') await forgetCooldown(address);
      second.cookie = (await signUp(address, second.password)).cookie;
      const expected = timing === 'outside the cooldown' ? 2 : 1;
      const emails = await smtp.waitFor(address, expected);
      if (timing === 'inside the cooldown') {
        // The second sign-up is stored before it is answered; no second email follows it.
        await expect(
          waitUntil(
            () => (smtp.to(address).length > 1 ? true : undefined),
            300,
            () => 'a second email',
          ),
        ).rejects.toThrow();
      }
      return { address, owner, stranger, emails, newest: tokenFrom(emails[emails.length - 1]) };
    }

    it('a link alone answers 409 password_required and changes nothing', async () => {
      const { address, newest } = await race();
      expect(await confirm({ token: newest })).toMatchObject({ status: 409, json: { error: 'password_required' } });
      expect(await status(address)).toBe('pending');
    });

    it("the owner's password activates the account with the owner's password", async () => {
      const { address, newest } = await race();
      expect(await confirm({ token: newest, password: STRANGER + ' typo' })).toMatchObject({
        status: 409,
        json: { error: 'password_required' },
      });
      expect(await confirm({ token: newest, password: OWNER })).toMatchObject({
        status: 200,
        json: { status: 'confirmed' },
      });
      expect(await passwordIs(address, OWNER)).toBe(true);
      expect(await passwordIs(address, STRANGER)).toBe(false);
      const left = await gatehouse.db.query(
        `SELECT count(*)::int AS n FROM sign_up_attempts s JOIN users u ON u.id = s.user_id WHERE u.email_normalized = $1`,
        [address],
      );
      expect(left.rows[0].n).toBe(0);
    });

    it("the owner's browser confirms with one click and the owner's password", async () => {
      const { address, newest, owner } = await race();
      // On https (the tests' APP_URL) the cookie is host-only and Secure.
      expect(owner.cookie).toMatch(/^__Host-gatehouse_signup=[A-Za-z0-9_-]{43}$/);
      expect(await confirm({ token: newest }, owner.cookie)).toMatchObject({ status: 200 });
      expect(await passwordIs(address, OWNER)).toBe(true);
    });

    it("the stranger's browser with the owner's link still cannot pick the stranger's password without it", async () => {
      const { address, newest, stranger } = await race();
      // Holding the link means holding the mailbox: the stranger never has it. Were it forwarded, the stranger's
      // own browser would pick the stranger's sign-up, which is why the owner's proof wins only with the owner's.
      expect(await confirm({ token: newest }, stranger.cookie)).toMatchObject({ status: 200 });
      expect(await passwordIs(address, STRANGER)).toBe(true);
    });
  });

  it("the owner clicking the stranger's email, the only one sent, gets the owner's password", async () => {
    const address = 'only-email@example.com';
    await signUp(address, STRANGER);
    await smtp.waitFor(address, 1);
    const owner = await signUp(address, OWNER);
    const [strangersEmail] = smtp.to(address);
    const page = await fetch(`${gatehouse.baseUrl}/confirm?token=${tokenFrom(strangersEmail)}`, {
      headers: { accept: 'text/html', cookie: owner.cookie! },
    });
    expect(page.status).toBe(200);
    expect(await confirm({ token: tokenFrom(strangersEmail) }, owner.cookie)).toMatchObject({ status: 200 });
    expect(await passwordIs(address, OWNER)).toBe(true);
  });

  it('the confirm page asks for the password when it is needed, and takes it', async () => {
    const address = 'page@example.com';
    await signUp(address, STRANGER);
    await smtp.waitFor(address, 1);
    await signUp(address, OWNER);
    const token = tokenFrom(smtp.to(address)[0]);
    const asked = await postForm(gatehouse.baseUrl, '/confirm', { token });
    expect(asked.status).toBe(409);
    expect(asked.html).toContain('name="password"');
    expect(asked.html).toContain('signed up more than once');
    const done = await postForm(gatehouse.baseUrl, '/confirm', { token, password: OWNER });
    expect(done.status).toBe(200);
    expect(await passwordIs(address, OWNER)).toBe(true);
  });

  it('the code page asks for the password too, and the code with the password confirms', async () => {
    const address = 'code@example.com';
    await signUp(address, OWNER);
    const [email] = await smtp.waitFor(address, 1);
    await signUp(address, STRANGER);
    const code = /^\s+(\d{6})\s*$/m.exec(email.text)![1];
    const asked = await postJson(gatehouse.baseUrl, '/api/confirmations/code', { email: address, code });
    expect(asked).toMatchObject({ status: 409, json: { error: 'password_required' } });
    const page = await postForm(gatehouse.baseUrl, '/confirm/code', { email: address, code });
    expect(page.status).toBe(409);
    expect(page.html).toContain('name="password"');
    expect(
      await postJson(gatehouse.baseUrl, '/api/confirmations/code', { email: address, code, password: OWNER }),
    ).toMatchObject({ status: 200, json: { status: 'confirmed' } });
    expect(await passwordIs(address, OWNER)).toBe(true);
  });

  it('a sign-up with no rival confirms with one click, and the answer to a sign-up never changes', async () => {
    const solo = await signUp('solo@example.com', OWNER);
    const [email] = await smtp.waitFor('solo@example.com');
    const again = await signUp('solo@example.com', STRANGER);
    expect(again.answer.json).toEqual(solo.answer.json);
    const fresh = await signUp('brand-new@example.com', OWNER);
    expect(fresh.answer.json).toEqual(solo.answer.json);
    expect(await confirm({ token: tokenFrom(email) }, solo.cookie)).toMatchObject({ status: 200 });
  });
});
