import { encodeTokenSecret, TOKEN_SECRET_BYTES } from '../confirmation/token-secret';
import type { Clock } from '../ports/clock.port';
import type { PasswordHasher } from '../ports/password-hasher.port';
import type { RandomSource } from '../ports/random-source.port';
import type { SignInLockoutRule } from '../ports/sign-in-failures.port';
import type { TokenDigester } from '../ports/token-digester.port';
import type { UnitOfWork } from '../ports/unit-of-work.port';
import type { StaffMember } from '../staff/staff-member.entity';
import type { StaffSession, StaffSessionPolicy } from '../staff/staff-session';
import { StaffSignInFailed, StaffSignInLocked } from '../staff/staff.errors';
import { Email } from '../users/email.value-object';
import { Password } from '../users/password.value-object';

export const DEFAULT_SIGN_IN_LOCKOUT: SignInLockoutRule = {
  maxFailures: 5,
  windowMs: 15 * 60_000,
  lockoutMs: 15 * 60_000,
};

export interface StaffSignedIn {
  /** Goes into the cookie and nowhere else; only its digest is stored. */
  secret: string;
  member: StaffMember;
  session: StaffSession;
}

/**
 * Signs a staff member in and opens a server-side session. Unknown address, wrong password and disabled member
 * all fail alike and take as long (a password is hashed on every path); repeated failures lock the address.
 */
export class SignInStaff {
  private decoyHash: Promise<string> | undefined;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly hasher: PasswordHasher,
    private readonly digester: TokenDigester,
    private readonly random: RandomSource,
    private readonly clock: Clock,
    private readonly sessionPolicy: StaffSessionPolicy,
    private readonly lockout: SignInLockoutRule,
  ) {}

  async execute(input: { email: string; password: string; ip?: string; userAgent?: string }): Promise<StaffSignedIn> {
    const now = this.clock.now();
    const email = parseOrNull(() => Email.parse(input.email));
    const password = parseOrNull(() => Password.parse(input.password));
    const key = email?.normalized ?? input.email.trim().toLowerCase().slice(0, 320);
    const attempt = { key, email, ip: input.ip ?? null, now };

    // Counted before the slow hash, in one atomic step: guesses sent at once cannot outrun the limit.
    const reserved = await this.unitOfWork.run((tx) => tx.signInFailures.reserveAttempt(key, now, this.lockout));
    if (!reserved.allowed) {
      await this.recordFailure(attempt, 'locked', reserved.lockedUntil);
      throw new StaffSignInLocked(reserved.lockedUntil);
    }

    const member = email ? await this.unitOfWork.run((tx) => tx.staff.findByEmail(email)) : null;
    const passwordMatches = await this.verify(member, password);
    if (!member || !passwordMatches || member.disabled) {
      const outcome = !member ? 'unknown_address' : !passwordMatches ? 'wrong_password' : 'disabled';
      await this.recordFailure(attempt, outcome, reserved.lockedUntil, member);
      if (reserved.lockedUntil) throw new StaffSignInLocked(reserved.lockedUntil);
      throw new StaffSignInFailed();
    }

    const secret = encodeTokenSecret(this.random.bytes(TOKEN_SECRET_BYTES));
    const session: StaffSession = {
      id: this.random.uuid(),
      staffId: member.id,
      digest: this.digester.digest(secret),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + this.sessionPolicy.absoluteLifetimeMs),
      revokedAt: null,
      ip: input.ip ?? null,
      userAgent: input.userAgent?.slice(0, 400) ?? null,
    };
    await this.unitOfWork.run(async (tx) => {
      await tx.signInFailures.clear(key);
      member.signedIn(now);
      await tx.staff.save(member);
      await tx.sessions.add(session);
      await tx.audit.record({
        id: this.random.uuid(),
        actor: { id: member.id, email: member.email.value },
        action: 'staff.sign_in',
        targetType: 'staff',
        targetId: member.id,
        reason: null,
        changes: { ip: session.ip },
        at: now,
      });
    });
    return { secret, member, session };
  }

  /**
   * The audit trail of a failed attempt: the address as typed (trimmed, bounded), the client address and why it
   * failed; never the password. The attempt that locks the address is recorded as the lockout itself.
   */
  private async recordFailure(
    attempt: { key: string; email: Email | null; ip: string | null; now: Date },
    outcome: 'locked' | 'unknown_address' | 'wrong_password' | 'disabled',
    lockedUntil: Date | null,
    known?: StaffMember | null,
  ): Promise<void> {
    await this.unitOfWork.run(async (tx) => {
      const member = known !== undefined ? known : attempt.email ? await tx.staff.findByEmail(attempt.email) : null;
      const locksNow = outcome !== 'locked' && lockedUntil !== null;
      await tx.audit.record({
        id: this.random.uuid(),
        actor: ANONYMOUS,
        action: locksNow ? 'staff.locked_out' : 'staff.sign_in_failed',
        targetType: 'staff',
        targetId: member?.id ?? null,
        reason: null,
        changes: {
          email: attempt.email?.value ?? attempt.key,
          ip: attempt.ip,
          outcome,
          ...(lockedUntil ? { lockedUntil: lockedUntil.toISOString() } : {}),
        },
        at: attempt.now,
      });
    });
  }

  private async verify(member: StaffMember | null, password: Password | null): Promise<boolean> {
    const candidate = password ?? Password.parse('not the password of anyone');
    if (!member || !password) {
      this.decoyHash ??= this.hasher.hash(Password.parse('a decoy that no account uses'));
      await this.hasher.verify(await this.decoyHash, candidate);
      return false;
    }
    return this.hasher.verify(member.passwordHash, candidate);
  }
}

/** A failed sign-in has no known actor: whoever tried is not signed in. */
const ANONYMOUS = { id: null, email: 'anonymous' };

function parseOrNull<T>(parse: () => T): T | null {
  try {
    return parse();
  } catch {
    return null;
  }
}
