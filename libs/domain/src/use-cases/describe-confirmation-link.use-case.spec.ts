import { registrationHarness, EMAIL_COOLDOWN_MS, TOKEN_TTL_MS } from '../testing/registration-harness';

describe('DescribeConfirmationLink', () => {
  it('describes each state of a link without changing anything', async () => {
    const { store, clock, register, resend, confirm, describe, latestLink } = registrationHarness();
    await register.execute({ email: 'alice@example.com', password: 'correct horse', locale: 'en' });
    const first = latestLink('alice@example.com');
    await expect(describe.execute({ token: first })).resolves.toEqual({
      state: 'usable',
      maskedEmail: 'al***@example.com',
    });
    expect(store.userByEmail('alice@example.com')!.status).toBe('pending');

    clock.advance(EMAIL_COOLDOWN_MS);
    await resend.execute({ email: 'alice@example.com' });
    await expect(describe.execute({ token: first })).resolves.toEqual({ state: 'superseded' });

    const second = latestLink('alice@example.com');
    await confirm.execute({ token: second });
    await expect(describe.execute({ token: second })).resolves.toEqual({
      state: 'already_confirmed',
      maskedEmail: 'al***@example.com',
    });
    await expect(describe.execute({ token: 'nonsense' })).resolves.toEqual({ state: 'unknown' });
  });

  it('says when a link has expired', async () => {
    const { clock, register, describe, latestLink } = registrationHarness();
    await register.execute({ email: 'bob@example.com', password: 'correct horse', locale: 'en' });
    clock.advance(TOKEN_TTL_MS);
    await expect(describe.execute({ token: latestLink('bob@example.com') })).resolves.toEqual({ state: 'expired' });
  });
});
