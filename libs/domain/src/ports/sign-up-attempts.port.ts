import type { SignUpAttempt } from '../users/sign-up-attempt';

/** The live sign-ups of pending accounts, each with its own password, until the account is confirmed. */
export abstract class SignUpAttempts {
  /** Stores the sign-up, keeping only the account's newest `keepNewest`. */
  abstract add(attempt: SignUpAttempt, keepNewest: number): Promise<void>;
  /** The account's live sign-ups, newest first. */
  abstract forUser(userId: string): Promise<SignUpAttempt[]>;
  /** Forgets every sign-up of the account (once it is confirmed, the rivals' passwords must not linger). */
  abstract clear(userId: string): Promise<void>;
}
