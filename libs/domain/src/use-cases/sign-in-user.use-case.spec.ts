import { InMemoryStore, InMemoryUnitOfWork, FixedClock, PlainTextHasher } from '../testing/in-memory-ports';
import { aUser } from '../testing/user.factory';
import type { User } from '../users/user.entity';
import { UserConfirmationPending, UserDisabled, UserSignInFailed, UserSignInLocked } from '../users/user.errors';
import { SignInUser } from './sign-in-user.use-case';

function harness(...users: User[]) {
  const store = new InMemoryStore();
  for (const user of users) store.users.set(user.id, user);
  const hasher = new PlainTextHasher();
  const clock = new FixedClock();
  const signIn = new SignInUser(new InMemoryUnitOfWork(store), hasher, clock, undefined, {
    maxFailures: 3,
    windowMs: 60_000,
    lockoutMs: 120_000,
  });
  return { store, hasher, clock, signIn };
}

const PASSWORD = 'original-password';

describe('SignInUser', () => {
  it('signs an active account in with its id, address, verified flag and language', async () => {
    const user = aUser({ status: 'active', email: 'Ada@Example.com', locale: 'de' });
    const { signIn } = harness(user);
    await expect(signIn.execute({ email: ' ada@example.com ', password: PASSWORD })).resolves.toEqual({
      userId: user.id,
      email: 'Ada@Example.com',
      emailVerified: true,
      locale: 'de',
    });
  });

  it('answers an unknown address, a wrong password and a malformed address alike, verifying a hash each time', async () => {
    const { signIn, hasher } = harness(aUser({ status: 'active', email: 'ada@example.com' }));
    const attempts = [
      { email: 'nobody@example.com', password: PASSWORD },
      { email: 'ada@example.com', password: 'not the password' },
      { email: 'ada@example.com', password: 'short' },
      { email: 'not an address', password: PASSWORD },
    ];
    for (const attempt of attempts) {
      const before = hasher.verifications;
      await expect(signIn.execute(attempt)).rejects.toThrow(UserSignInFailed);
      expect(hasher.verifications).toBe(before + 1);
    }
  });

  it('tells a pending account with the right password to confirm first, and a wrong one nothing more', async () => {
    const { signIn } = harness(aUser({ status: 'pending', email: 'new@example.com' }));
    await expect(signIn.execute({ email: 'new@example.com', password: PASSWORD })).rejects.toThrow(
      UserConfirmationPending,
    );
    await expect(signIn.execute({ email: 'new@example.com', password: 'a wrong password' })).rejects.toThrow(
      UserSignInFailed,
    );
  });

  it('refuses a disabled account as account_disabled only to the right password', async () => {
    const { signIn } = harness(aUser({ status: 'disabled', email: 'off@example.com' }));
    await expect(signIn.execute({ email: 'off@example.com', password: PASSWORD })).rejects.toThrow(UserDisabled);
    await expect(signIn.execute({ email: 'off@example.com', password: 'a wrong password' })).rejects.toThrow(
      UserSignInFailed,
    );
  });

  it('hashes a password stored with older parameters again on success, and leaves a current one alone', async () => {
    const old = aUser({ status: 'active', email: 'old@example.com', passwordHash: `old-hashed:${PASSWORD}` });
    const current = aUser({ status: 'active', email: 'current@example.com' });
    const { signIn, store, clock } = harness(old, current);
    clock.advance(1000);
    await signIn.execute({ email: 'old@example.com', password: PASSWORD });
    await signIn.execute({ email: 'current@example.com', password: PASSWORD });
    expect(store.users.get(old.id)?.passwordHash).toBe(`hashed:${PASSWORD}`);
    expect(store.users.get(old.id)?.updatedAt).toEqual(clock.now());
    expect(store.users.get(current.id)?.snapshot()).toEqual(current.snapshot());
  });

  it("locks an address after the rule's attempts, before checking a password, and alike for an unknown one", async () => {
    const { signIn, hasher, clock } = harness(aUser({ status: 'active', email: 'ada@example.com' }));
    for (const email of ['ada@example.com', 'nobody@example.com']) {
      await expect(signIn.execute({ email, password: 'wrong password 1' })).rejects.toThrow(UserSignInFailed);
      await expect(signIn.execute({ email, password: 'wrong password 2' })).rejects.toThrow(UserSignInFailed);
      const locking = signIn.execute({ email, password: 'wrong password 3' });
      await expect(locking).rejects.toThrow(UserSignInLocked);
      const before = hasher.verifications;
      const refused = await signIn.execute({ email, password: PASSWORD }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(UserSignInLocked);
      expect((refused as UserSignInLocked).retryAt).toEqual(new Date(clock.now().getTime() + 120_000));
      expect(hasher.verifications).toBe(before);
    }
    clock.advance(120_000);
    await expect(signIn.execute({ email: 'ada@example.com', password: PASSWORD })).resolves.toMatchObject({
      email: 'ada@example.com',
    });
  });

  it('forgets the attempts of an address once its right password is given', async () => {
    const { signIn } = harness(aUser({ status: 'active', email: 'ada@example.com' }));
    for (let round = 0; round < 3; round += 1) {
      await expect(signIn.execute({ email: 'ada@example.com', password: 'a wrong password' })).rejects.toThrow(
        UserSignInFailed,
      );
      await expect(signIn.execute({ email: 'ada@example.com', password: 'another wrong one' })).rejects.toThrow(
        UserSignInFailed,
      );
      await signIn.execute({ email: 'ada@example.com', password: PASSWORD });
    }
  });
});
