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
