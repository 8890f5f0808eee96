import { DomainError } from '../errors/domain-error';

export class UserDisabled extends DomainError {
  readonly code = 'USER.DISABLED' as const;

  constructor() {
    super('This account has been disabled. Contact support if you think this is a mistake.');
  }
}

export class UserNotFound extends DomainError {
  readonly code = 'USER.NOT_FOUND' as const;

  constructor() {
    super('There is no user with this id; the account may have been deleted.');
  }
}

/** A staff action that does not fit the account's current status (confirming a disabled account, say). */
export class UserStateConflict extends DomainError {
  readonly code = 'USER.STATE_CONFLICT' as const;
}

/** A sign-in that did not match an account: the same for an unknown address and a wrong password. */
export class UserSignInFailed extends DomainError {
  readonly code = 'USER.SIGN_IN_FAILED' as const;

  constructor() {
    super('The email address or the password is not right.');
  }
}

/** The right password for an account whose address is not confirmed yet. */
export class UserConfirmationPending extends DomainError {
  readonly code = 'USER.CONFIRMATION_PENDING' as const;

  constructor() {
    super('Confirm your email address first: open the link in the confirmation email we sent you.');
  }
}

/**
 * Too many sign-in attempts for one address: said alike whether the address has an account, so the lockout
 * reveals nothing; `retryAt` is when the address may try again.
 */
export class UserSignInLocked extends DomainError {
  readonly code = 'USER.SIGN_IN_LOCKED' as const;

  constructor(readonly retryAt: Date) {
    super('Too many failed sign-ins for this address. Wait a while, then try again.');
  }
}

/** Lifting a sign-in lockout the account does not have (lifted already, ended, or never locked). */
export class UserSignInNotLocked extends DomainError {
  readonly code = 'USER.SIGN_IN_NOT_LOCKED' as const;

  constructor() {
    super('This account is not locked out of signing in.');
  }
}
