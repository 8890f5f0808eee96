import type { UserEvent } from '../events/user-event';
import { chooseSignUp, type ConfirmerProof, type SignUpAttempt } from '../users/sign-up-attempt';
import type { ConfirmOutcome, User } from '../users/user.entity';
import { UserDisabled } from '../users/user.errors';
import type { ConfirmationToken } from './confirmation-token';
import { TokenInvalid } from './confirmation.errors';

/** What a confirmation needs to decide, read in one go: the token, its account, the account's live sign-ups. */
export interface ConfirmationCase {
  token: ConfirmationToken;
  user: User;
  /** Newest first; empty once the account is active. */
  signUps: SignUpAttempt[];
}

/**
 * What the database must apply, and only if nothing changed since the case was read: the token used (only
 * while it is unused and not superseded), the account as decided (only while it is as it was read: `seen`),
 * the account's other links superseded, its sign-ups forgotten, and the event announced.
 */
export interface ConfirmationDecision {
  token: ConfirmationToken;
  user: User;
  seen: { status: User['status']; updatedAt: Date };
  event: UserEvent | null;
}

export type ConfirmationStep =
  | { kind: 'answered'; status: ConfirmOutcome; maskedEmail: string }
  | {
      kind: 'apply';
      decision: ConfirmationDecision;
      status: ConfirmOutcome;
      maskedEmail: string;
      activatedAfterMs?: number;
    }
  | { kind: 'proof_needed'; signUps: SignUpAttempt[] };

/**
 * The rules of one confirmation, link or code, decided on what was read: a disabled account refuses, a used
 * token is "already confirmed" for an active account, the token must be usable for the account's address, and
 * with rival sign-ups the confirmer must show which was theirs. Throws the refusal; writes nothing.
 */
export function decideConfirmation(found: ConfirmationCase, proof: ConfirmerProof, now: Date): ConfirmationStep {
  const { token, user } = found;
  if (user.status === 'disabled') throw new UserDisabled();
  const maskedEmail = user.email.masked();
  if (token.usedAt) {
    if (user.isActive) return { kind: 'answered', status: 'already_confirmed', maskedEmail };
    throw new TokenInvalid();
  }
  token.assertUsableFor(user.email.normalized, now);
  const seen = { status: user.status, updatedAt: user.updatedAt };
  const choice = chooseSignUp(user.isPending ? found.signUps : [], proof);
  if (choice.kind === 'proof_needed') return { kind: 'proof_needed', signUps: found.signUps };
  token.use(user.email.normalized, now);
  const status = user.confirm(now, choice.signUp?.passwordHash);
  const confirmed = status === 'confirmed';
  return {
    kind: 'apply',
    status,
    maskedEmail,
    activatedAfterMs: confirmed ? now.getTime() - user.createdAt.getTime() : undefined,
    decision: {
      token,
      user,
      seen,
      event: confirmed ? { type: 'user.confirmed', userId: user.id, email: user.email.value, occurredAt: now } : null,
    },
  };
}
