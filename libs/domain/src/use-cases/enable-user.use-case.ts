import type { UserActionRunner, StaffRequest } from '../staff/user-actions';

/** Lifts a disable: the account returns to active if it was ever confirmed, else to pending. */
export class EnableUser {
  constructor(private readonly actions: UserActionRunner) {}

  execute(request: StaffRequest): Promise<void> {
    return this.actions.run(request, 'user.enable', async (tx, user, now) => {
      user.enable(now);
      await tx.users.save(user);
      return { result: undefined, changes: { status: { from: 'disabled', to: user.status } } };
    });
  }
}
