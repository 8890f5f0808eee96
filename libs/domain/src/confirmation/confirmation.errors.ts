import { DomainError } from '../errors/domain-error';

/** Unknown, tampered with, superseded by a newer link, or bound to an address the account no longer has. */
export class TokenInvalid extends DomainError {
  readonly code = 'CONFIRMATION.TOKEN_INVALID' as const;

  constructor() {
    super('This confirmation link is not valid. It may have been replaced by a newer one: ask for a new link.');
  }
}

/**
 * A wrong code, or no code waiting for this address: the two get one answer, so a stranger typing codes
 * learns nothing about which addresses have accounts.
 */
export class CodeInvalid extends DomainError {
  readonly code = 'CONFIRMATION.CODE_INVALID' as const;

  constructor() {
    super(
      'This code is not valid. Check the address and the 6 digits from the newest email. After 5 wrong codes a code stops working.',
    );
  }
}

export class CodeLocked extends DomainError {
  readonly code = 'CONFIRMATION.CODE_LOCKED' as const;

  constructor() {
    super('Too many wrong codes: this code no longer works. Use the link in the email, or ask for a new email.');
  }
}

export class TokenExpired extends DomainError {
  readonly code = 'CONFIRMATION.TOKEN_EXPIRED' as const;

  constructor() {
    super('This confirmation link has expired. Ask for a new link.');
  }
}
