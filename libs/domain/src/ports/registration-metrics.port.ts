/** What the registration flow reports for monitoring. Fire and forget: it never changes an outcome. */
export abstract class RegistrationMetrics {
  abstract signedUp(): void;
  abstract resendRequested(): void;
  /** An account became active, this long after it signed up. */
  abstract confirmed(sinceSignUpMs: number): void;
}
