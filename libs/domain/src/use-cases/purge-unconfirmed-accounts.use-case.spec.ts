import { registrationHarness } from '../testing/registration-harness';
import { PurgeUnconfirmedAccounts } from './purge-unconfirmed-accounts.use-case';

const WEEK = 7 * 24 * 60 * 60 * 1000;

describe('PurgeUnconfirmedAccounts', () => {
  it('removes accounts pending for longer than allowed, with their tokens and emails, and announces each', async () => {
    const { store, clock, register, confirm, latestLink, unitOfWork } = registrationHarness();
    await register.execute({ email: 'stale@example.com', password: 'long enough', locale: 'en' });
    await register.execute({ email: 'confirmed@example.com', password: 'long enough', locale: 'en' });
    await confirm.execute({ token: latestLink('confirmed@example.com') });
    clock.advance(WEEK - 1000);
    await register.execute({ email: 'fresh@example.com', password: 'long enough', locale: 'en' });
    clock.advance(1001);

    const purge = new PurgeUnconfirmedAccounts(unitOfWork, clock, WEEK);
    expect(await purge.execute()).toBe(1);

    expect(store.userByEmail('stale@example.com')).toBeUndefined();
    expect(store.userByEmail('confirmed@example.com')?.status).toBe('active');
    expect(store.userByEmail('fresh@example.com')?.status).toBe('pending');
    expect([...store.tokens.values()].some((token) => token.email === 'stale@example.com')).toBe(false);
    expect(store.outbox.some((queued) => queued.email.to.value === 'stale@example.com')).toBe(false);
    expect(store.events.filter((event) => event.type === 'user.deleted')).toEqual([
      expect.objectContaining({ email: 'stale@example.com' }),
    ]);
    expect(await purge.execute()).toBe(0);
  });

  it('counts from the latest sign-up of a pending account, not its first', async () => {
    const { store, clock, register, unitOfWork } = registrationHarness();
    await register.execute({ email: 'again@example.com', password: 'long enough', locale: 'en' });
    clock.advance(WEEK - 60_000);
    await register.execute({ email: 'again@example.com', password: 'another long one', locale: 'en' });
    clock.advance(120_000);
    const purge = new PurgeUnconfirmedAccounts(unitOfWork, clock, WEEK);
    expect(await purge.execute()).toBe(0);
    expect(store.userByEmail('again@example.com')?.status).toBe('pending');
    clock.advance(WEEK);
    expect(await purge.execute()).toBe(1);
  });
});
