export interface ConfirmationPolicy {
  /** How long a confirmation link works. */
  tokenTtlMs: number;
  /** The least time between two emails to one address, whichever path asks for them. */
  emailCooldownMs: number;
}
