import { registrationHarness, EMAIL_COOLDOWN_MS } from '../testing/registration-harness';

describe('ResendConfirmation', () => {
  it('sends a pending account a new link after the cooldown and voids the old one', async () => {
    const { store, clock, register, resend, confirm, latestLink } = registrationHarness();
    await register.execute({ email: 'alice@example.com', password: 'correct horse', locale: 'en' });
    const first = latestLink('alice@example.com');

    await resend.execute({ email: 'ALICE@example.com' });
    expect(store.outbox).toHaveLength(1);

    clock.advance(EMAIL_COOLDOWN_MS);
    await resend.execute({ email: 'ALICE@example.com' });
    expect(store.outbox).toHaveLength(2);
    const second = latestLink('alice@example.com');
    expect(second).not.toBe(first);
    await expect(confirm.execute({ token: first })).rejects.toMatchObject({ code: 'CONFIRMATION.TOKEN_INVALID' });
    await expect(confirm.execute({ token: second })).resolves.toMatchObject({ status: 'confirmed' });
  });

  it('does nothing, without saying so, for an unknown address', async () => {
    const { store, resend } = registrationHarness();
    await expect(resend.execute({ email: 'nobody@example.com' })).resolves.toBeUndefined();
    expect(store.outbox).toHaveLength(0);
  });

  it('reminds an active account that it exists instead of sending a link', async () => {
    const { store, clock, register, confirm, resend, latestLink } = registrationHarness();
    await register.execute({ email: 'bob@example.com', password: 'correct horse', locale: 'en' });
    await confirm.execute({ token: latestLink('bob@example.com') });
    clock.advance(EMAIL_COOLDOWN_MS);
    await resend.execute({ email: 'bob@example.com' });
    expect(store.outbox.map((queued) => queued.email.template)).toEqual(['confirmation', 'already-registered']);
  });

  it('refuses an address that is not one', async () => {
    const { resend } = registrationHarness();
    await expect(resend.execute({ email: 'not an address' })).rejects.toMatchObject({
      code: 'VALIDATION.INVALID_INPUT',
    });
  });
});
