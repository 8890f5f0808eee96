import type { ConfirmationToken } from '../confirmation/confirmation-token';

/** Issuing and retiring links; using one is the confirmation's own write (Confirmations.apply). */
export abstract class ConfirmationTokenRepository {
  abstract add(token: ConfirmationToken): Promise<void>;
  /** Marks every token of this user that was neither used nor superseded as superseded. */
  abstract supersedeOutstanding(userId: string, now: Date): Promise<void>;
}
