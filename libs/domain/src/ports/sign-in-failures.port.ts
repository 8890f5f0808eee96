/** Failed staff sign-ins per address, whether or not the address belongs to anyone. */
export abstract class SignInFailures {
  /** When the address is locked out until, if it is. */
  abstract lockedUntil(normalizedAddress: string, now: Date): Promise<Date | null>;
  /** Counts a failure within `windowMs`; at `maxFailures` the address is locked until now + lockoutMs. */
  abstract record(
    normalizedAddress: string,
    now: Date,
    rule: { maxFailures: number; windowMs: number; lockoutMs: number },
  ): Promise<Date | null>;
  abstract clear(normalizedAddress: string): Promise<void>;
}
