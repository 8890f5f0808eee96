import type { ConfirmationToken } from '../confirmation/confirmation-token';

export abstract class ConfirmationTokenRepository {
  abstract add(token: ConfirmationToken): Promise<void>;
  /** Marks every token of this user that was neither used nor superseded as superseded. */
  abstract supersedeOutstanding(userId: string, now: Date): Promise<void>;
  abstract findByDigest(digest: string): Promise<ConfirmationToken | null>;
  /** The one token of this user that is neither used nor superseded, if any. */
  abstract findNewestOutstanding(userId: string): Promise<ConfirmationToken | null>;
  /** Uses the token once: true only for the one caller that changed it from unused to used. */
  abstract consume(tokenId: string, now: Date): Promise<boolean>;
}
