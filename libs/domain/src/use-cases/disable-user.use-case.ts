import type { UserActionRunner, StaffRequest } from '../staff/user-actions';

/** Switches an account off; its outstanding confirmation links stop working at once. */
export class DisableUser {
  constructor(private readonly actions: UserActionRunner) {}

  execute(request: StaffRequest): Promise<void> {
    return this.actions.run(request, 'user.disable', async (tx, user, now) => {
      const from = user.status;
      user.disable(now);
      await tx.users.save(user);
      await tx.tokens.supersedeOutstanding(user.id, now);
      await tx.events.publish({ type: 'user.disabled', userId: user.id, email: user.email.value, occurredAt: now });
      return { result: undefined, changes: { status: { from, to: 'disabled' } } };
    });
  }
}
