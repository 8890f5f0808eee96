import { DomainError } from '../errors/domain-error';

/** Unknown, tampered with, superseded by a newer link, or bound to an address the account no longer has. */
export class TokenInvalid extends DomainError {
  readonly code = 'CONFIRMATION.TOKEN_INVALID' as const;

  constructor() {
    super('This confirmation link is not valid. It may have been replaced by a newer one: ask for a new link.');
  }
}

export class TokenExpired extends DomainError {
  readonly code = 'CONFIRMATION.TOKEN_EXPIRED' as const;

  constructor() {
    super('This confirmation link has expired. Ask for a new link.');
  }
}
