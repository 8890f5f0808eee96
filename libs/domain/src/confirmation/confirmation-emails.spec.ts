import { aUser } from '../testing/user.factory';
import { EMAIL_COOLDOWN_MS, EMAILS_PER_ADDRESS, registrationHarness } from '../testing/registration-harness';

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

/** The mailer on its own, with a pending and an active account already stored. */
function mailerHarness() {
  const harness = registrationHarness();
  const pending = aUser({ email: 'pending@example.com', status: 'pending' });
  const active = aUser({ email: 'active@example.com', status: 'active' });
  harness.store.users.set(pending.id, pending);
  harness.store.users.set(active.id, active);
  const send = (kind: 'confirmation' | 'notice', user = kind === 'confirmation' ? pending : active) =>
    harness.unitOfWork.run((tx) =>
      kind === 'confirmation'
        ? harness.mailer.sendConfirmation(tx, user)
        : harness.mailer.sendAlreadyRegisteredNotice(tx, user),
    );
  return { ...harness, pending, active, send };
}

describe('ConfirmationEmails per-address limits', () => {
  it('sends nothing within the cooldown and says when the next email may go', async () => {
    const { send, clock, store } = mailerHarness();
    const first = clock.now();
    await expect(send('confirmation')).resolves.toEqual({ kind: 'queued' });
    clock.advance(EMAIL_COOLDOWN_MS - 1);
    await expect(send('confirmation')).resolves.toEqual({
      kind: 'limited',
      nextAllowedAt: new Date(first.getTime() + EMAIL_COOLDOWN_MS),
    });
    expect(store.outbox).toHaveLength(1);
    clock.advance(1);
    await expect(send('confirmation')).resolves.toEqual({ kind: 'queued' });
    expect(store.outbox).toHaveLength(2);
  });

  it('does not count an email that failed for good: the person can be sent another at once', async () => {
    const { send, clock, store } = mailerHarness();
    await expect(send('confirmation')).resolves.toEqual({ kind: 'queued' });
    clock.advance(1000);
    await expect(send('confirmation')).resolves.toMatchObject({ kind: 'limited' });
    // The worker gave up on it (an SMTP outage outlasting every retry): it reached nobody.
    store.outbox[0].failed = true;
    await expect(send('confirmation')).resolves.toEqual({ kind: 'queued' });
    // The new one is on its way, and counts.
    await expect(send('confirmation')).resolves.toMatchObject({ kind: 'limited' });
    expect(store.outbox).toHaveLength(2);
  });

  it('sends at most the hourly limit, then lets one more go as the oldest leaves the sliding window', async () => {
    const { send, clock, store } = mailerHarness();
    const firstAt = clock.now().getTime();
    for (let n = 0; n < EMAILS_PER_ADDRESS.limit; n += 1) {
      await expect(send('confirmation')).resolves.toEqual({ kind: 'queued' });
      clock.advance(10 * MINUTE);
    }
    // 50 minutes after the first email, five are in the last hour: the sixth waits for the first to age out.
    await expect(send('confirmation')).resolves.toEqual({ kind: 'limited', nextAllowedAt: new Date(firstAt + HOUR) });
    clock.advance(10 * MINUTE - 1);
    await expect(send('confirmation')).resolves.toMatchObject({ kind: 'limited' });
    clock.advance(1);
    await expect(send('confirmation')).resolves.toEqual({ kind: 'queued' });
    // The second email (10 minutes after the first) is now the oldest of five in the window.
    clock.advance(EMAIL_COOLDOWN_MS);
    await expect(send('confirmation')).resolves.toEqual({
      kind: 'limited',
      nextAllowedAt: new Date(firstAt + 10 * MINUTE + HOUR),
    });
    expect(store.outbox).toHaveLength(EMAILS_PER_ADDRESS.limit + 1);
  });

  it('counts notices and links to one address together, whichever path asked', async () => {
    const { store, clock, register, resend, confirm, latestLink } = registrationHarness();
    await register.execute({ email: 'mixed@example.com', password: 'correct horse', locale: 'en' });
    await confirm.execute({ token: latestLink('mixed@example.com') });
    for (let n = 1; n < EMAILS_PER_ADDRESS.limit; n += 1) {
      clock.advance(EMAIL_COOLDOWN_MS);
      if (n % 2) await resend.execute({ email: 'mixed@example.com' });
      else await register.execute({ email: 'mixed@example.com', password: 'another horse', locale: 'en' });
    }
    expect(store.outbox).toHaveLength(EMAILS_PER_ADDRESS.limit);
    clock.advance(EMAIL_COOLDOWN_MS);
    await resend.execute({ email: 'mixed@example.com' });
    await register.execute({ email: 'mixed@example.com', password: 'yet another horse', locale: 'en' });
    expect(store.outbox).toHaveLength(EMAILS_PER_ADDRESS.limit);
  });

  it('keeps the limits of one address away from another', async () => {
    const { send, pending, active, store } = mailerHarness();
    await send('confirmation', pending);
    await expect(send('notice', active)).resolves.toEqual({ kind: 'queued' });
    expect(store.outbox.map((queued) => queued.email.to.value)).toEqual(['pending@example.com', 'active@example.com']);
  });

  it('takes its limits from the policy', async () => {
    const { store, clock, register } = registrationHarness({
      policy: { emailCooldownMs: 0, emailsPerAddress: { limit: 2, windowMs: HOUR } },
    });
    for (let n = 0; n < 4; n += 1) {
      await register.execute({ email: 'quick@example.com', password: `password-${n}-long`, locale: 'en' });
      clock.advance(1);
    }
    expect(store.outbox).toHaveLength(2);
  });
});
