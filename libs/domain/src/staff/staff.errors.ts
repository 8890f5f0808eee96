import { DomainError } from '../errors/domain-error';

/** The same answer for an unknown address, a wrong password and a disabled member: it reveals nothing. */
export class StaffSignInFailed extends DomainError {
  readonly code = 'STAFF.SIGN_IN_FAILED' as const;
  constructor() {
    super('The email address or the password is not right.');
  }
}

export class StaffSignInLocked extends DomainError {
  readonly code = 'STAFF.SIGN_IN_LOCKED' as const;
  constructor(readonly retryAt: Date) {
    super('Too many failed sign-ins for this address. Wait a while, then try again.');
  }
}

export class StaffSessionRequired extends DomainError {
  readonly code = 'STAFF.SESSION_REQUIRED' as const;
  constructor() {
    super('Sign in to the back office first; your session may have ended.');
  }
}

export class StaffForbidden extends DomainError {
  readonly code = 'STAFF.FORBIDDEN' as const;
  constructor(message = 'Your role does not allow this action.') {
    super(message);
  }
}

/** A state-changing back-office request without the session's CSRF token, or from another site. */
export class CsrfCheckFailed extends DomainError {
  readonly code = 'STAFF.CSRF_FAILED' as const;
  constructor() {
    super(
      'This request lacks the X-CSRF-Token header of your session (GET /api/admin/session gives it), or came from another site.',
    );
  }
}

export class StaffAddressTaken extends DomainError {
  readonly code = 'STAFF.ADDRESS_TAKEN' as const;
  constructor() {
    super('A staff member with this email address already exists.', 'email');
  }
}

export class StaffNotFound extends DomainError {
  readonly code = 'STAFF.NOT_FOUND' as const;
  constructor() {
    super('There is no staff member with this id.');
  }
}

/** The back office must never end up with nobody able to manage it. */
export class LastAdminRequired extends DomainError {
  readonly code = 'STAFF.LAST_ADMIN' as const;
  constructor() {
    super('This is the last active admin: make someone else an admin first.');
  }
}

export class SetupLinkInvalid extends DomainError {
  readonly code = 'STAFF.SETUP_LINK_INVALID' as const;
  constructor() {
    super(
      'This setup link is not valid: it was used, it expired, or an admin already exists. Restart Gatehouse for a new one.',
    );
  }
}

/** The per-address email limits hold for staff too; this says when the next email may go. */
export class ResendNotYetAllowed extends DomainError {
  readonly code = 'STAFF.RESEND_TOO_SOON' as const;
  constructor(readonly nextAllowedAt: Date) {
    super(`This address was emailed recently; the next email can go at ${nextAllowedAt.toISOString()}.`);
  }
}
