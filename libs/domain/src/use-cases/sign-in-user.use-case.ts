import type { Clock } from '../ports/clock.port';
import type { PasswordHasher } from '../ports/password-hasher.port';
import type { SignInLockoutRule } from '../ports/sign-in-failures.port';
import type { UnitOfWork } from '../ports/unit-of-work.port';
import { AddressFolding } from '../users/address-folding';
import { Email } from '../users/email.value-object';
import { Password } from '../users/password.value-object';
import type { User } from '../users/user.entity';
import { UserConfirmationPending, UserDisabled, UserSignInFailed, UserSignInLocked } from '../users/user.errors';

/** Ten attempts per address in 15 minutes, then 15 minutes of refusals: a person may mistype more than staff. */
export const DEFAULT_USER_SIGN_IN_LOCKOUT: SignInLockoutRule = {
  maxFailures: 10,
  windowMs: 15 * 60_000,
  lockoutMs: 15 * 60_000,
};

/** Who signed in, as the sign-in flow hands it on (the OpenID provider's account). */
export interface SignedInUser {
  userId: string;
  email: string;
  emailVerified: boolean;
  locale: string;
}

/**
 * A person signs in with their address and password. An unknown address and a wrong password fail alike and take
 * as long: a password is verified on every path, against a decoy hash when there is no account. Only the right
 * password learns more: that the address still waits for its confirmation, or that staff disabled the account.
 * A hash made with older parameters is replaced on success, while the password is at hand.
 *
 * Every attempt is counted against its address (the account's unique key, or the address as typed when it has no
 * account) before the password is checked, in one atomic step: guesses sent at once cannot be checked more often
 * than the lockout rule allows, and an address without an account locks the same way, so a lockout tells nothing.
 */
export class SignInUser {
  private decoyHash: Promise<string> | undefined;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
    private readonly folding: AddressFolding = AddressFolding.none,
    private readonly lockout: SignInLockoutRule = DEFAULT_USER_SIGN_IN_LOCKOUT,
  ) {}

  async execute(input: { email: string; password: string }): Promise<SignedInUser> {
    const email = parseOrNull(() => Email.parse(input.email, this.folding));
    const password = parseOrNull(() => Password.parse(input.password));
    const key = email?.normalized ?? input.email.trim().toLowerCase().slice(0, 320);
    const reserved = await this.unitOfWork.run((tx) =>
      tx.userSignInFailures.reserveAttempt(key, this.clock.now(), this.lockout),
    );
    if (!reserved.allowed) throw new UserSignInLocked(reserved.lockedUntil);

    const user = email ? await this.unitOfWork.run((tx) => tx.users.findByEmailForUpdate(email)) : null;
    if (!(await this.verify(user, password)) || !user || !password) {
      // The attempt that used up the window says so at once, rather than on the next one.
      if (reserved.lockedUntil) throw new UserSignInLocked(reserved.lockedUntil);
      throw new UserSignInFailed();
    }
    // The right password ends the count, whatever the account's state: its owner is the one trying.
    await this.unitOfWork.run((tx) => tx.userSignInFailures.clear(key));
    if (user.status === 'disabled') throw new UserDisabled();
    if (user.isPending) throw new UserConfirmationPending();
    if (this.hasher.needsRehash(user.passwordHash)) await this.rehash(user, password);
    return { userId: user.id, email: user.email.value, emailVerified: user.isActive, locale: user.locale };
  }

  private async verify(user: User | null, password: Password | null): Promise<boolean> {
    const candidate = password ?? Password.parse('not the password of anyone');
    if (!user || !password) {
      this.decoyHash ??= this.hasher.hash(Password.parse('a decoy that no account uses'));
      await this.hasher.verify(await this.decoyHash, candidate);
      return false;
    }
    return this.hasher.verify(user.passwordHash, candidate);
  }

  /** Only the hash that was verified is replaced: a password changed meanwhile stays changed. */
  private async rehash(user: User, password: Password): Promise<void> {
    const fresh = await this.hasher.hash(password);
    await this.unitOfWork.run(async (tx) => {
      const current = await tx.users.findByIdForUpdate(user.id);
      if (!current || current.passwordHash !== user.passwordHash) return;
      current.passwordRehashed(fresh, this.clock.now());
      await tx.users.save(current);
    });
  }
}

function parseOrNull<T>(parse: () => T): T | null {
  try {
    return parse();
  } catch {
    return null;
  }
}
