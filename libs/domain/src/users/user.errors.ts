import { DomainError } from '../errors/domain-error';

export class UserDisabled extends DomainError {
  readonly code = 'USER.DISABLED' as const;

  constructor() {
    super('This account has been disabled. Contact support if you think this is a mistake.');
  }
}
