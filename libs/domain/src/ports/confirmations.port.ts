import type { ConfirmationCase, ConfirmationDecision } from '../confirmation/confirmation-case';

/**
 * The hot path of confirmation: one read of everything the decision needs, one write of what was decided,
 * no transaction around them. The write is guarded, so of two racing confirmations exactly one applies and
 * the other reads again.
 */
export abstract class Confirmations {
  /** The token with this digest, its account and the account's live sign-ups. */
  abstract findByDigest(digest: string): Promise<ConfirmationCase | null>;
  /** The newest token neither used nor superseded of the account with this address (its key), for a code. */
  abstract findOutstandingForAddress(normalizedAddress: string): Promise<ConfirmationCase | null>;
  /**
   * Applies the decision atomically, only if the token is still unused and not superseded and the account is
   * still as `decision.seen` says; says whether it did. Nothing is written when it did not.
   */
  abstract apply(decision: ConfirmationDecision): Promise<boolean>;
}
