import type { UserActionRunner, StaffRequest } from '../staff/user-actions';
import { UserStateConflict } from '../users/user.errors';

/** An admin confirms an address by hand (the person confirmed it another way, say on the phone). */
export class ConfirmUserByStaff {
  constructor(private readonly actions: UserActionRunner) {}

  execute(request: StaffRequest): Promise<void> {
    return this.actions.run(request, 'user.confirm', async (tx, user, now) => {
      user.assertAwaitingConfirmation('confirming it');
      // Staff cannot tell which of several sign-ups was the mailbox owner's: confirming would pick a password
      // for them, perhaps a stranger's. The owner can, with the link and the password they chose.
      if ((await tx.signUps.forUser(user.id)).length > 1) {
        throw new UserStateConflict(
          'This address was signed up more than once before anyone confirmed it. Resend the link instead: the person confirms with the password they chose.',
        );
      }
      user.confirmByStaff(now);
      await tx.users.save(user);
      await tx.signUps.clear(user.id);
      // The links already sent have nothing left to do.
      await tx.tokens.supersedeOutstanding(user.id, now);
      await tx.events.publish({ type: 'user.confirmed', userId: user.id, email: user.email.value, occurredAt: now });
      return { result: undefined, changes: { status: { from: 'pending', to: 'active' } } };
    });
  }
}
