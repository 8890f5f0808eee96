import type { AuditTrail } from './audit-trail.port';
import type { CodeAttempts } from './code-attempts.port';
import type { ConfirmationTokenRepository } from './confirmation-token.repository.port';
import type { EmailOutbox } from './email-outbox.port';
import type { EventOutbox } from './event-outbox.port';
import type { SetupTokens } from './setup-tokens.port';
import type { SignInFailures } from './sign-in-failures.port';
import type { SignInSessions } from './sign-in-sessions.port';
import type { StaffSessionRepository } from './staff-session.repository.port';
import type { SignUpAttempts } from './sign-up-attempts.port';
import type { StaffRepository } from './staff.repository.port';
import type { UserRepository } from './user.repository.port';

/** The ports whose writes must commit or roll back together. */
export interface TransactionalPorts {
  users: UserRepository;
  tokens: ConfirmationTokenRepository;
  signUps: SignUpAttempts;
  codeAttempts: CodeAttempts;
  outbox: EmailOutbox;
  events: EventOutbox;
  staff: StaffRepository;
  sessions: StaffSessionRepository;
  signInFailures: SignInFailures;
  /** People's sign-in attempts (the OpenID provider's sign-in page), apart from staff's. */
  userSignInFailures: SignInFailures;
  signInSessions: SignInSessions;
  setupTokens: SetupTokens;
  audit: AuditTrail;
}

export abstract class UnitOfWork {
  /** Runs the work in one transaction: everything it wrote commits together, or nothing does. */
  abstract run<T>(work: (ports: TransactionalPorts) => Promise<T>): Promise<T>;
}
