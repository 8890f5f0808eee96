import type { UserActionRunner, StaffRequest } from '../staff/user-actions';
import { UserStateConflict } from '../users/user.errors';

/** An admin confirms an address by hand (the person confirmed it another way, say on the phone). */
export class ConfirmUserByStaff {
  constructor(private readonly actions: UserActionRunner) {}

  execute(request: StaffRequest): Promise<void> {
    return this.actions.run(request, 'user.confirm', async (tx, user, now) => {
      if (user.status === 'disabled') throw new UserStateConflict('Enable this account before confirming it.');
      if (user.isActive) throw new UserStateConflict('This account is already confirmed.');
      user.confirm(now);
      await tx.users.save(user);
      // The links already sent have nothing left to do.
      await tx.tokens.supersedeOutstanding(user.id, now);
      await tx.events.publish({ type: 'user.confirmed', userId: user.id, email: user.email.value, occurredAt: now });
      return { result: undefined, changes: { status: { from: 'pending', to: 'active' } } };
    });
  }
}
