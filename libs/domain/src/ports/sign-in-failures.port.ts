export interface SignInLockoutRule {
  maxFailures: number;
  windowMs: number;
  lockoutMs: number;
}

/**
 * What reserving an attempt gave: a go-ahead to check the password (the attempt already counted, and
 * `lockedUntil` set when this attempt is the last one the window allows), or a refusal while the address is locked.
 */
export type SignInAttempt = { allowed: true; lockedUntil: Date | null } | { allowed: false; lockedUntil: Date };

/**
 * Sign-in attempts per address, whether or not the address belongs to anyone. Staff and people keep theirs apart
 * (TransactionalPorts.signInFailures and .userSignInFailures): a person's wrong guesses never lock a staff address.
 */
export abstract class SignInFailures {
  /**
   * Counts an attempt before its password is checked, in one atomic step, so that guesses sent at once cannot
   * be checked more than `maxFailures` times in `windowMs`: the attempt that reaches the limit locks the address
   * until now + lockoutMs (a right password on it still signs in and clears the lock), later ones are refused.
   */
  abstract reserveAttempt(normalizedAddress: string, now: Date, rule: SignInLockoutRule): Promise<SignInAttempt>;
  /** Forgets the address's attempts after a successful sign-in. */
  abstract clear(normalizedAddress: string): Promise<void>;
  /** Ends a lockout early (an admin's decision); says until when it would have lasted, or null if there was none. */
  abstract lift(normalizedAddress: string, now: Date): Promise<Date | null>;
}
