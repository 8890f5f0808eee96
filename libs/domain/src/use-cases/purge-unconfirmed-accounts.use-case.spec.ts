import { BouncedPendingAccounts } from '../ports/bounced-pending-accounts.port';
import { registrationHarness } from '../testing/registration-harness';
import { PurgeUnconfirmedAccounts } from './purge-unconfirmed-accounts.use-case';

const WEEK = 7 * 24 * 60 * 60 * 1000;
const DAY = 24 * 60 * 60 * 1000;

/** Hard bounces as the delivery history would answer: the account and when the bounce was reported. */
class Bounces extends BouncedPendingAccounts {
  readonly reported = new Map<string, Date>();
  constructor(private readonly pending: (id: string) => boolean) {
    super();
  }
  async hardBouncedBefore(cutoff: Date, limit: number): Promise<string[]> {
    return [...this.reported]
      .filter(([id, at]) => this.pending(id) && at.getTime() < cutoff.getTime())
      .map(([id]) => id)
      .slice(0, limit);
  }
}
const noBounces = { accounts: new Bounces(() => false), lifetimeMs: DAY };

describe('PurgeUnconfirmedAccounts', () => {
  it('removes accounts pending for longer than allowed, with their tokens and emails, and announces each', async () => {
    const { store, clock, register, confirm, latestLink, unitOfWork } = registrationHarness();
    await register.execute({ email: 'stale@example.com', password: 'long enough', locale: 'en' });
    await register.execute({ email: 'confirmed@example.com', password: 'long enough', locale: 'en' });
    await confirm.execute({ token: latestLink('confirmed@example.com') });
    clock.advance(WEEK - 1000);
    await register.execute({ email: 'fresh@example.com', password: 'long enough', locale: 'en' });
    clock.advance(1001);

    const purge = new PurgeUnconfirmedAccounts(unitOfWork, clock, WEEK, noBounces);
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
    const purge = new PurgeUnconfirmedAccounts(unitOfWork, clock, WEEK, noBounces);
    expect(await purge.execute()).toBe(0);
    expect(store.userByEmail('again@example.com')?.status).toBe('pending');
    clock.advance(WEEK);
    expect(await purge.execute()).toBe(1);
  });

  it('removes a pending account whose confirmation hard-bounced once the bounce is BOUNCED_PENDING_TTL old', async () => {
    const { store, clock, register, confirm, latestLink, unitOfWork } = registrationHarness();
    await register.execute({ email: 'typo@exmaple.com', password: 'long enough', locale: 'en' });
    await register.execute({ email: 'fixed@example.com', password: 'long enough', locale: 'en' });
    const typo = store.userByEmail('typo@exmaple.com')!.id;
    const fixed = store.userByEmail('fixed@example.com')!.id;
    const bounces = new Bounces((id) => store.users.get(id)?.status === 'pending');
    bounces.reported.set(typo, clock.now());
    bounces.reported.set(fixed, clock.now());
    // Confirmed by the person after all (a bounce can be wrong): never removed for it.
    await confirm.execute({ token: latestLink('fixed@example.com') });
    const purge = new PurgeUnconfirmedAccounts(unitOfWork, clock, WEEK, { accounts: bounces, lifetimeMs: DAY });

    clock.advance(DAY - 1000);
    expect(await purge.execute()).toBe(0);
    clock.advance(2000);
    expect(await purge.execute()).toBe(1);
    expect(store.userByEmail('typo@exmaple.com')).toBeUndefined();
    expect(store.userByEmail('fixed@example.com')?.status).toBe('active');
    expect(store.events.filter((event) => event.type === 'user.deleted')).toEqual([
      expect.objectContaining({ userId: typo, email: 'typo@exmaple.com' }),
    ]);
  });
});
