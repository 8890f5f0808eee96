import type { ConfirmationEmails } from '../confirmation/confirmation-emails';
import type { UserActionRunner, StaffRequest } from '../staff/user-actions';
import { ResendNotYetAllowed } from '../staff/staff.errors';

/**
 * Support sends a pending person a fresh link (older links stop working). The per-address limits that guard
 * the public endpoints hold here too; when one applies, nothing is sent and the answer says when it can be.
 */
export class ResendConfirmationByStaff {
  constructor(
    private readonly actions: UserActionRunner,
    private readonly mailer: ConfirmationEmails,
  ) {}

  execute(request: StaffRequest): Promise<void> {
    return this.actions.run(request, 'user.resend_confirmation', async (tx, user) => {
      user.assertAwaitingConfirmation('sending it a link');
      const outcome = await this.mailer.sendConfirmation(tx, user);
      if (outcome.kind === 'limited') throw new ResendNotYetAllowed(outcome.nextAllowedAt);
      return { result: undefined, changes: { email: 'confirmation queued' } };
    });
  }
}
