/** At most `limit` of something in any window of `windowMs`. */
export interface Quota {
  limit: number;
  windowMs: number;
}

export interface ConfirmationPolicy {
  /** How long a confirmation link works. */
  tokenTtlMs: number;
  /** The least time between two emails to one address, whichever path asks for them. */
  emailCooldownMs: number;
  /** The most emails one address gets in a sliding window, whichever path asks for them. */
  emailsPerAddress: Quota;
}
