import type { UserActionRunner, StaffRequest } from '../staff/user-actions';

/**
 * Removes the person and everything stored about them (tokens, emails, sign-in sessions and tokens issued to
 * products). The audit entry keeps only the
 * account's id and former status: the record that it happened, not the data.
 */
export class DeleteUser {
  constructor(private readonly actions: UserActionRunner) {}

  execute(request: StaffRequest): Promise<void> {
    return this.actions.run(request, 'user.delete', async (tx, user, now) => {
      await tx.events.publish({ type: 'user.deleted', userId: user.id, email: user.email.value, occurredAt: now });
      await tx.signInSessions.endAllFor(user.id);
      await tx.users.delete(user.id);
      return { result: undefined, changes: { status: { from: user.status, to: 'deleted' } } };
    });
  }
}
