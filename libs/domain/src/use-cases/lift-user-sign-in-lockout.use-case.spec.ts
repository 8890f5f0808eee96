import { InvalidInput } from '../errors/invalid-input.error';
import { backOfficeHarness } from '../testing/back-office-harness';
import { UserNotFound, UserSignInLocked, UserSignInNotLocked } from '../users/user.errors';
import { SignInUser } from './sign-in-user.use-case';

const admin = { id: 'a0000000-0000-4000-8000-000000000001', email: 'admin@example.com' };
const PASSWORD = 'correct horse battery';
const RULE = { maxFailures: 3, windowMs: 60_000, lockoutMs: 120_000 };

async function lockedOut() {
  const h = backOfficeHarness();
  await h.register.execute({ email: 'ada@example.com', password: PASSWORD, locale: 'en' });
  const userId = h.store.userByEmail('ada@example.com')!.id;
  await h.confirmUser.execute({ actor: admin, userId, reason: 'known to us' });
  const signIn = new SignInUser(h.unitOfWork, h.hasher, h.clock, undefined, RULE);
  for (let i = 0; i < 3; i += 1) {
    await expect(signIn.execute({ email: 'ada@example.com', password: 'a wrong guess' })).rejects.toBeDefined();
  }
  await expect(signIn.execute({ email: 'ada@example.com', password: PASSWORD })).rejects.toThrow(UserSignInLocked);
  const lockEnds = new Date(h.clock.now().getTime() + RULE.lockoutMs);
  h.clock.advance(1000);
  return { h, userId, signIn, lockEnds };
}

describe('LiftUserSignInLockout', () => {
  it('lets the person sign in again at once, audited on them with until when the lockout would have lasted', async () => {
    const { h, userId, signIn, lockEnds } = await lockedOut();
    await expect(h.liftSignInLockout.execute({ actor: admin, userId, reason: 'they called us' })).resolves.toEqual({
      lockedUntil: lockEnds,
    });
    await expect(signIn.execute({ email: 'ada@example.com', password: PASSWORD })).resolves.toMatchObject({ userId });
    expect(h.staffStore().audit.at(-1)).toMatchObject({
      actor: admin,
      action: 'user.sign_in_lockout_lifted',
      targetType: 'user',
      targetId: userId,
      reason: 'they called us',
      changes: { lockedUntil: { from: lockEnds.toISOString(), to: null } },
    });
  });

  it('refuses without a reason, for an unknown person, and when nothing is locked, changing and auditing nothing', async () => {
    const { h, userId, signIn } = await lockedOut();
    const audited = h.staffStore().audit.length;
    await expect(h.liftSignInLockout.execute({ actor: admin, userId, reason: ' ' })).rejects.toThrow(InvalidInput);
    await expect(
      h.liftSignInLockout.execute({ actor: admin, userId: 'b0000000-0000-4000-8000-000000000009', reason: 'typo' }),
    ).rejects.toThrow(UserNotFound);
    await expect(signIn.execute({ email: 'ada@example.com', password: PASSWORD })).rejects.toThrow(UserSignInLocked);

    h.clock.advance(RULE.lockoutMs);
    // Ended by itself: nothing to lift, and the attempts counted since are kept.
    await expect(signIn.execute({ email: 'ada@example.com', password: 'a wrong guess' })).rejects.toBeDefined();
    await expect(h.liftSignInLockout.execute({ actor: admin, userId, reason: 'again' })).rejects.toThrow(
      UserSignInNotLocked,
    );
    expect(h.staffStore().userFailures.get('ada@example.com')?.failures).toBe(1);
    expect(h.staffStore().audit).toHaveLength(audited);
  });
});
