import type { UserActionRunner, StaffRequest } from '../staff/user-actions';

/**
 * Switches an account off; its outstanding confirmation links stop working at once, and it is signed out of every
 * product (its provider sessions end, its refresh and access tokens are revoked).
 */
export class DisableUser {
  constructor(private readonly actions: UserActionRunner) {}

  execute(request: StaffRequest): Promise<void> {
    return this.actions.run(request, 'user.disable', async (tx, user, now) => {
      const from = user.status;
      user.disable(now);
      await tx.users.save(user);
      await tx.tokens.supersedeOutstanding(user.id, now);
      // Signed out of every product at once: sessions end and refresh tokens stop working with the account.
      await tx.signInSessions.endAllFor(user.id);
      await tx.events.publish({ type: 'user.disabled', userId: user.id, email: user.email.value, occurredAt: now });
      return { result: undefined, changes: { status: { from, to: 'disabled' } } };
    });
  }
}
