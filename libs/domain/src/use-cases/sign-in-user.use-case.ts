import type { Clock } from '../ports/clock.port';
import type { PasswordHasher } from '../ports/password-hasher.port';
import type { UnitOfWork } from '../ports/unit-of-work.port';
import { AddressFolding } from '../users/address-folding';
import { Email } from '../users/email.value-object';
import { Password } from '../users/password.value-object';
import type { User } from '../users/user.entity';
import { UserConfirmationPending, UserDisabled, UserSignInFailed } from '../users/user.errors';

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
 */
export class SignInUser {
  private decoyHash: Promise<string> | undefined;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
    private readonly folding: AddressFolding = AddressFolding.none,
  ) {}

  async execute(input: { email: string; password: string }): Promise<SignedInUser> {
    const email = parseOrNull(() => Email.parse(input.email, this.folding));
    const password = parseOrNull(() => Password.parse(input.password));
    const user = email ? await this.unitOfWork.run((tx) => tx.users.findByEmailForUpdate(email)) : null;
    if (!(await this.verify(user, password)) || !user || !password) throw new UserSignInFailed();
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
