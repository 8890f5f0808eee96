import type { StaffRequest, UserActionRunner } from '../staff/user-actions';
import { UserSignInNotLocked } from '../users/user.errors';

/**
 * An admin lets a person sign in again before their lockout ends (too many wrong passwords, typed by anyone, lock
 * an address). Audited on the person with until when it would have lasted. Lifting none is refused and changes
 * nothing: the attempts counted so far stay counted.
 */
export class LiftUserSignInLockout {
  constructor(private readonly actions: UserActionRunner) {}

  execute(request: StaffRequest): Promise<{ lockedUntil: Date }> {
    return this.actions.run(request, 'user.sign_in_lockout_lifted', async (tx, user, now) => {
      const lockedUntil = await tx.userSignInFailures.lift(user.email.normalized, now);
      // Thrown inside the transaction, so the attempts the lift just forgot come back.
      if (!lockedUntil) throw new UserSignInNotLocked();
      return { result: { lockedUntil }, changes: { lockedUntil: { from: lockedUntil.toISOString(), to: null } } };
    });
  }
}
