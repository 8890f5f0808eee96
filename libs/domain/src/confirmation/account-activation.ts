import type { PasswordHasher } from '../ports/password-hasher.port';
import type { TransactionalPorts } from '../ports/unit-of-work.port';
import { Password } from '../users/password.value-object';
import { chooseSignUp, type ConfirmerProof, type SignUpAttempt } from '../users/sign-up-attempt';
import type { ConfirmOutcome, User } from '../users/user.entity';
import type { ConfirmationToken } from './confirmation-token';
import { TokenInvalid } from './confirmation.errors';

export type Activation =
  | { kind: 'done'; status: ConfirmOutcome; maskedEmail: string; activatedAfterMs?: number }
  | { kind: 'proof_needed'; signUps: SignUpAttempt[] };

/**
 * What every confirmation (link, code) does once the token has proved the mailbox: the account takes the
 * password of the sign-up the confirmer showed was theirs, the token is used (the guarded write lets only
 * one caller win), older links die, rivals' passwords are forgotten and user.confirmed is announced. Runs in
 * the caller's transaction with the user's row locked. Says instead when the confirmer must show which
 * sign-up was theirs; nothing is written then.
 */
export async function activateAccount(
  tx: TransactionalPorts,
  user: User,
  token: ConfirmationToken,
  proof: ConfirmerProof,
  now: Date,
): Promise<Activation> {
  let passwordHash: string | undefined;
  if (user.isPending) {
    const signUps = await tx.signUps.forUser(user.id);
    const choice = chooseSignUp(signUps, proof);
    if (choice.kind === 'proof_needed') return { kind: 'proof_needed', signUps };
    passwordHash = choice.signUp?.passwordHash;
  }
  const status = user.confirm(now, passwordHash);
  // The caller holds the user's row, so no other confirmation can have used the token meanwhile; the guard
  // in the write still keeps single use true in the database whatever the caller read.
  if (!(await tx.tokens.consume(token.id, now))) throw new TokenInvalid();
  await tx.tokens.supersedeOutstanding(user.id, now);
  await tx.users.save(user);
  await tx.signUps.clear(user.id);
  if (status !== 'confirmed') return { kind: 'done', status, maskedEmail: user.email.masked() };
  await tx.events.publish({ type: 'user.confirmed', userId: user.id, email: user.email.value, occurredAt: now });
  return {
    kind: 'done',
    status,
    maskedEmail: user.email.masked(),
    activatedAfterMs: now.getTime() - user.createdAt.getTime(),
  };
}

/** The sign-ups whose password this is: checked outside any transaction, since each check is a slow hash. */
export async function signUpsWithPassword(
  hasher: PasswordHasher,
  signUps: readonly SignUpAttempt[],
  password: string | undefined,
): Promise<string[]> {
  let typed: Password;
  try {
    if (!password) return [];
    typed = Password.parse(password);
  } catch {
    return [];
  }
  const matches: string[] = [];
  for (const signUp of signUps) if (await hasher.verify(signUp.passwordHash, typed)) matches.push(signUp.id);
  return matches;
}
