import { looksLikeTokenSecret } from '../confirmation/token-secret';
import type { TokenDigester } from '../ports/token-digester.port';

/**
 * One sign-up of an account that is still pending: the password its author chose and the browser it came
 * from. An address can be signed up by its owner and by strangers before anyone confirms it, so each sign-up
 * keeps its own password until confirmation decides whose it is.
 */
export interface SignUpAttempt {
  id: string;
  userId: string;
  passwordHash: string;
  /** Keyed digest of the sign-up browser's cookie; null when the client kept no cookie. */
  browserDigest: string | null;
  createdAt: Date;
}

/** Sign-ups a pending account keeps; a newer one pushes out the oldest, so the owner can always sign up again. */
export const MAX_LIVE_SIGN_UPS = 10;

/** What the person confirming has shown about which sign-up is theirs. */
export interface ConfirmerProof {
  /** Digest of the confirming browser's sign-up cookie, if it sent one. */
  browserDigest: string | null;
  /** Sign-ups whose password the confirmer typed (checked against the hash beforehand). */
  verifiedSignUpIds: readonly string[];
}

export const NO_PROOF: ConfirmerProof = { browserDigest: null, verifiedSignUpIds: [] };

export type SignUpChoice = { kind: 'chosen'; signUp: SignUpAttempt | null } | { kind: 'proof_needed' };

/**
 * Whose password a confirmation activates. The link or code proves the mailbox, not which sign-up was the
 * mailbox owner's: with one sign-up there is nothing to choose, with rivals the confirmer must show theirs
 * (the same browser, or its password). Newest first wins among those shown.
 */
export function chooseSignUp(attempts: readonly SignUpAttempt[], proof: ConfirmerProof): SignUpChoice {
  if (attempts.length === 0) return { kind: 'chosen', signUp: null };
  if (attempts.length === 1) return { kind: 'chosen', signUp: attempts[0] };
  const newestFirst = [...attempts].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const shown =
    newestFirst.find((attempt) => proof.verifiedSignUpIds.includes(attempt.id)) ??
    newestFirst.find((attempt) => proof.browserDigest !== null && attempt.browserDigest === proof.browserDigest);
  return shown ? { kind: 'chosen', signUp: shown } : { kind: 'proof_needed' };
}

/**
 * The digest of a browser's sign-up cookie: what a sign-up stores and what a confirmation compares, by one rule
 * so the two always agree. Anything that is not one of our secrets counts as no cookie.
 */
export function browserDigestOf(digester: TokenDigester, secret: string | undefined): string | null {
  return secret && looksLikeTokenSecret(secret) ? digester.digest(secret) : null;
}
