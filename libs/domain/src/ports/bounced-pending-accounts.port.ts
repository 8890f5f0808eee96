/** Pending accounts whose confirmation could never arrive: an email to them bounced for good. */
export abstract class BouncedPendingAccounts {
  /** Up to `limit` pending accounts (ids, oldest first) with an email that hard-bounced, reported before `cutoff`. */
  abstract hardBouncedBefore(cutoff: Date, limit: number): Promise<string[]>;
}
