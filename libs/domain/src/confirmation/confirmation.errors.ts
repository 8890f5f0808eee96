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
      'This code is not valid. Check the address and the 6 digits from the newest email. After 5 wrong codes, codes stop working for an hour.',
    );
  }
}

export class CodeLocked extends DomainError {
  readonly code = 'CONFIRMATION.CODE_LOCKED' as const;

  constructor() {
    super('Too many codes were tried for this address: codes stop working for an hour. Use the link in the email.');
  }
}

export class TokenExpired extends DomainError {
  readonly code = 'CONFIRMATION.TOKEN_EXPIRED' as const;

  constructor() {
    super('This confirmation link has expired. Ask for a new link.');
  }
}

/**
 * The address was signed up more than once before anyone confirmed it, and the confirmer has not shown which
 * sign-up was theirs: the password they chose (or the browser they signed up in) picks it, so a stranger's
 * sign-up can never leave its password on the owner's account.
 */
export class PasswordRequired extends DomainError {
  readonly code = 'CONFIRMATION.PASSWORD_REQUIRED' as const;

  constructor(readonly mismatch = false) {
    super(
      mismatch
        ? 'That password matches none of the sign-ups for this address. Enter the password you chose when you signed up.'
        : 'This address was signed up more than once. Enter the password you chose when you signed up to confirm it.',
      'password',
    );
  }
}
