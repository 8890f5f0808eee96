import { EMAIL_COOLDOWN_MS, registrationHarness } from '../testing/registration-harness';

const OWNER = 'tulip seventeen harbor';
const STRANGER = 'granite pelican wobble';
const OWNER_BROWSER = 'O'.repeat(43);
const STRANGER_BROWSER = 'S'.repeat(43);

/**
 * The owner and a stranger both sign up the owner's address before anyone confirms. Whatever the order,
 * whether the second sign-up was inside the cooldown (no second email) or not, and whichever email the owner
 * clicks, the account that the owner's mailbox confirms ends up with the owner's password.
 */
describe('Rival sign-ups of one pending address', () => {
  type Order = 'owner first' | 'stranger first';
  type Timing = 'inside the cooldown' | 'outside the cooldown';

  async function race(order: Order, timing: Timing) {
    const harness = registrationHarness();
    const signUp = (password: string, browserSecret: string) =>
      harness.register.execute({ email: 'mailbox@example.com', password, locale: 'en', browserSecret });
    const sides =
      order === 'owner first'
        ? [() => signUp(OWNER, OWNER_BROWSER), () => signUp(STRANGER, STRANGER_BROWSER)]
        : [() => signUp(STRANGER, STRANGER_BROWSER), () => signUp(OWNER, OWNER_BROWSER)];
    await sides[0]();
    const firstEmailLink = harness.latestLink('mailbox@example.com');
    if (timing === 'outside the cooldown') harness.clock.advance(EMAIL_COOLDOWN_MS);
    await sides[1]();
    const newestLink = harness.latestLink('mailbox@example.com');
    const passwordOf = () => harness.store.userByEmail('mailbox@example.com')!.passwordHash;
    return { ...harness, firstEmailLink, newestLink, passwordOf };
  }

  describe.each<[Order, Timing]>([
    ['owner first', 'inside the cooldown'],
    ['owner first', 'outside the cooldown'],
    ['stranger first', 'inside the cooldown'],
    ['stranger first', 'outside the cooldown'],
  ])('%s, %s', (order, timing) => {
    it('needs proof from a link alone: 409 password_required, nothing changed', async () => {
      const { confirm, newestLink, store } = await race(order, timing);
      await expect(confirm.execute({ token: newestLink })).rejects.toMatchObject({
        code: 'CONFIRMATION.PASSWORD_REQUIRED',
      });
      expect(store.userByEmail('mailbox@example.com')!.status).toBe('pending');
    });

    it("the owner's typed password activates the account with that password", async () => {
      const { confirm, newestLink, passwordOf } = await race(order, timing);
      await expect(confirm.execute({ token: newestLink, password: OWNER })).resolves.toMatchObject({
        status: 'confirmed',
      });
      expect(passwordOf()).toBe(`hashed:${OWNER}`);
    });

    it("the owner's browser activates the account with the owner's password without typing it", async () => {
      const { confirm, newestLink, passwordOf } = await race(order, timing);
      await confirm.execute({ token: newestLink, browserSecret: OWNER_BROWSER });
      expect(passwordOf()).toBe(`hashed:${OWNER}`);
    });

    it('a password that matches no sign-up is refused and changes nothing', async () => {
      const { confirm, newestLink, store } = await race(order, timing);
      await expect(confirm.execute({ token: newestLink, password: 'a guess of a passphrase' })).rejects.toMatchObject({
        code: 'CONFIRMATION.PASSWORD_REQUIRED',
        mismatch: true,
      });
      expect(store.userByEmail('mailbox@example.com')!.status).toBe('pending');
    });

    it('the code from the email needs the same proof', async () => {
      const { confirmWithCode, latestCode, passwordOf } = await race(order, timing);
      const code = latestCode('mailbox@example.com');
      await expect(confirmWithCode.execute({ email: 'mailbox@example.com', code })).rejects.toMatchObject({
        code: 'CONFIRMATION.PASSWORD_REQUIRED',
      });
      await confirmWithCode.execute({ email: 'mailbox@example.com', code, password: OWNER });
      expect(passwordOf()).toBe(`hashed:${OWNER}`);
    });
  });

  it("the owner clicking the stranger's email (the only one, inside the cooldown) gets the owner's password", async () => {
    const { confirm, firstEmailLink, newestLink, store, passwordOf } = await race(
      'stranger first',
      'inside the cooldown',
    );
    expect(newestLink).toBe(firstEmailLink);
    expect(store.outbox).toHaveLength(1);
    await confirm.execute({ token: firstEmailLink, password: OWNER });
    expect(passwordOf()).toBe(`hashed:${OWNER}`);
  });

  it("the owner clicking the stranger's email outside the cooldown is sent to the newest, then proves it", async () => {
    const { confirm, firstEmailLink, newestLink, passwordOf } = await race('stranger first', 'outside the cooldown');
    await expect(confirm.execute({ token: firstEmailLink, password: OWNER })).rejects.toMatchObject({
      code: 'CONFIRMATION.TOKEN_INVALID',
    });
    await confirm.execute({ token: newestLink, browserSecret: OWNER_BROWSER });
    expect(passwordOf()).toBe(`hashed:${OWNER}`);
  });

  it('a sign-up with no rival confirms with one click, as before', async () => {
    const harness = registrationHarness();
    await harness.register.execute({ email: 'solo@example.com', password: OWNER, locale: 'en' });
    await expect(harness.confirm.execute({ token: harness.latestLink('solo@example.com') })).resolves.toMatchObject({
      status: 'confirmed',
    });
    expect(harness.store.userByEmail('solo@example.com')!.passwordHash).toBe(`hashed:${OWNER}`);
  });

  it('keeps the newest sign-ups only, so the owner can always sign up again', async () => {
    const { register, store, clock, confirm, latestLink } = registrationHarness();
    for (let n = 0; n < 12; n += 1) {
      await register.execute({ email: 'flooded@example.com', password: `stranger passphrase ${n}`, locale: 'en' });
      clock.advance(1000);
    }
    await register.execute({ email: 'flooded@example.com', password: OWNER, locale: 'en' });
    expect(store.signUps).toHaveLength(10);
    clock.advance(EMAIL_COOLDOWN_MS);
    await confirm.execute({ token: latestLink('flooded@example.com'), password: OWNER });
    expect(store.userByEmail('flooded@example.com')!.passwordHash).toBe(`hashed:${OWNER}`);
  });
});
