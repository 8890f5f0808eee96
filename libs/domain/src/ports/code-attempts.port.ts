/** The rule for wrong confirmation codes: per address, whether or not the address has an account. */
export interface CodeAttemptRule {
  maxAttempts: number;
  windowMs: number;
}

export interface CodeAttempt {
  /** This attempt's place among the address's attempts in the current window, counting this one. */
  attempt: number;
  /** When the window (and with it any lockout) ends. */
  windowEndsAt: Date;
}

/**
 * Code attempts counted per address before the code is compared, and committed before it is, so concurrent
 * guesses cannot get more than the rule allows checked, and unknown addresses lock out exactly as real ones.
 */
export abstract class CodeAttempts {
  /** Counts an attempt for this address (normalized) and says which one it was. Run it in a unit of work of its own. */
  abstract reserve(normalizedAddress: string, now: Date, rule: CodeAttemptRule): Promise<CodeAttempt>;
  /** A right code: the address starts afresh. */
  abstract clear(normalizedAddress: string): Promise<void>;
  /** Forgets counts whose window ended before `before`. */
  abstract removeEnded(before: Date): Promise<void>;
}
