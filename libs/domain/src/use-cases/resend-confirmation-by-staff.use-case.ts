import type { ConfirmationMailer } from '../confirmation/confirmation-mailer';
import type { UserActionRunner, StaffRequest } from '../staff/user-actions';
import { ResendNotYetAllowed } from '../staff/staff.errors';
import { UserStateConflict } from '../users/user.errors';

/**
 * Support sends a pending person a fresh link (older links stop working). The per-address limits that guard
 * the public endpoints hold here too; when one applies, nothing is sent and the answer says when it can be.
 */
export class ResendConfirmationByStaff {
  constructor(
    private readonly actions: UserActionRunner,
    private readonly mailer: ConfirmationMailer,
  ) {}

  execute(request: StaffRequest): Promise<void> {
    return this.actions.run(request, 'user.resend_confirmation', async (tx, user) => {
      if (user.status === 'disabled') throw new UserStateConflict('This account is disabled: enable it first.');
      if (user.isActive) throw new UserStateConflict('This account is already confirmed; there is nothing to resend.');
      const outcome = await this.mailer.sendConfirmation(tx, user);
      if (outcome.kind === 'limited') throw new ResendNotYetAllowed(outcome.nextAllowedAt);
      return { result: undefined, changes: { email: 'confirmation queued' } };
    });
  }
}
