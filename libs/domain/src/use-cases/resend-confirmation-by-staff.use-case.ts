import type { ConfirmationEmails } from '../confirmation/confirmation-emails';
import { AddressSuppressed } from '../deliverability/deliverability.errors';
import type { Suppressions } from '../ports/suppressions.port';
import type { UserActionRunner, StaffRequest } from '../staff/user-actions';
import { ResendNotYetAllowed } from '../staff/staff.errors';

/**
 * Support sends a pending person a fresh link (older links stop working). The per-address limits that guard
 * the public endpoints hold here too; when one applies, nothing is sent and the answer says when it can be. An
 * address on the suppression list is refused with the reason (support may lift it first).
 */
export class ResendConfirmationByStaff {
  constructor(
    private readonly actions: UserActionRunner,
    private readonly mailer: ConfirmationEmails,
    private readonly suppressions: Suppressions,
  ) {}

  execute(request: StaffRequest): Promise<void> {
    return this.actions.run(request, 'user.resend_confirmation', async (tx, user, now) => {
      user.assertAwaitingConfirmation('sending it a link');
      // Support is told why instead of queuing an email the outbox would only record as suppressed.
      const suppression = await this.suppressions.find(user.email.normalized);
      if (suppression?.isActiveAt(now)) throw new AddressSuppressed(suppression.describe());
      const outcome = await this.mailer.sendConfirmation(tx, user);
      if (outcome.kind === 'limited') throw new ResendNotYetAllowed(outcome.nextAllowedAt);
      return { result: undefined, changes: { email: 'confirmation queued' } };
    });
  }
}
