import type { ConfirmationToken } from '../confirmation/confirmation-token';
import type { UserEvent } from '../events/user-event';
import type { OutgoingEmail } from '../mail/outgoing-email';
import type { SignUpAttempt } from '../users/sign-up-attempt';
import type { User } from '../users/user.entity';

/** A sign-up with a new address: the account and everything its first moment leaves behind. */
export interface NewAccount {
  user: User;
  /** The sign-up that opened it, its password kept beside any later sign-up's until someone confirms. */
  signUp: SignUpAttempt;
  token: ConfirmationToken;
  email: OutgoingEmail;
  event: UserEvent;
}

/**
 * Opens accounts. The hot path of sign-up: a new address needs no reads first (no earlier email can count
 * against its limits, no earlier link needs superseding), so the whole of it is one atomic write.
 */
export abstract class NewAccounts {
  /**
   * Stores the account with its first confirmation link, email and event, all or nothing, unless the address
   * is taken; says whether it did. Never throws on a duplicate; a concurrent sign-up of the same address waits
   * for the other to commit, then finds it taken.
   */
  abstract addIfAddressFree(account: NewAccount): Promise<boolean>;
}
