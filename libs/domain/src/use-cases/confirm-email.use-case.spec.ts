import { User } from '../users/user.entity';
import { registrationHarness, TOKEN_TTL_MS } from '../testing/registration-harness';

async function signedUp(address = 'alice@example.com') {
  const harness = registrationHarness();
  await harness.register.execute({ email: address, password: 'correct horse', locale: 'en' });
  return { ...harness, secret: harness.latestLink(address) };
}

describe('ConfirmEmail', () => {
  it('activates the account and uses the token up', async () => {
    const { store, confirm, secret } = await signedUp();
    await expect(confirm.execute({ token: secret })).resolves.toEqual({
      status: 'confirmed',
      maskedEmail: 'al***@example.com',
    });
    const user = store.userByEmail('alice@example.com')!;
    expect(user.status).toBe('active');
    expect([...store.tokens.values()][0].usedAt).not.toBeNull();
  });

  it('reports the confirmation and how long after sign-up it came, once', async () => {
    const { store, clock, confirm, metrics, secret } = await signedUp();
    clock.advance(90_000);
    await confirm.execute({ token: secret });
    await confirm.execute({ token: secret });
    expect(metrics.signUps).toBe(1);
    expect(metrics.confirmations).toEqual([90_000]);
    const [registered, confirmed, ...more] = store.events;
    expect(registered.type).toBe('user.registered');
    expect(confirmed).toMatchObject({ type: 'user.confirmed', email: 'alice@example.com' });
    expect(more).toEqual([]);
  });

  it('answers already_confirmed when the same link is used again', async () => {
    const { confirm, secret } = await signedUp();
    await confirm.execute({ token: secret });
    await expect(confirm.execute({ token: secret })).resolves.toMatchObject({ status: 'already_confirmed' });
  });

  it('refuses an expired link and changes nothing', async () => {
    const { store, clock, confirm, secret } = await signedUp();
    clock.advance(TOKEN_TTL_MS);
    await expect(confirm.execute({ token: secret })).rejects.toMatchObject({ code: 'CONFIRMATION.TOKEN_EXPIRED' });
    expect(store.userByEmail('alice@example.com')!.status).toBe('pending');
  });

  it.each(['', 'x', 'A'.repeat(43), "' OR '1'='1"])('refuses the unknown or malformed token %j', async (token) => {
    const { confirm } = await signedUp();
    await expect(confirm.execute({ token })).rejects.toMatchObject({ code: 'CONFIRMATION.TOKEN_INVALID' });
  });

  it('refuses a tampered token', async () => {
    const { confirm, secret } = await signedUp();
    const tampered = `${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`;
    await expect(confirm.execute({ token: tampered })).rejects.toMatchObject({ code: 'CONFIRMATION.TOKEN_INVALID' });
  });

  it('never re-activates a disabled account, and leaves the token unused', async () => {
    const { store, confirm, secret } = await signedUp();
    const user = store.userByEmail('alice@example.com')!;
    store.users.set(user.id, User.restore({ ...user.snapshot(), status: 'disabled' }));
    await expect(confirm.execute({ token: secret })).rejects.toMatchObject({ code: 'USER.DISABLED' });
    expect(store.userByEmail('alice@example.com')!.status).toBe('disabled');
    expect([...store.tokens.values()][0].usedAt).toBeNull();
  });
});
