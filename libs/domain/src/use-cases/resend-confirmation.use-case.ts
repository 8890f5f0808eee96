import type { ConfirmationEmails } from '../confirmation/confirmation-emails';
import type { RegistrationMetrics } from '../ports/registration-metrics.port';
import type { UnitOfWork } from '../ports/unit-of-work.port';
import type { AddressFolding } from '../users/address-folding';
import { Email } from '../users/email.value-object';

/**
 * Sends a new confirmation link to a pending account (older links stop working) and a reminder that the
 * account exists to an active one. Unknown and disabled addresses get nothing, and the caller cannot tell.
 */
export class ResendConfirmation {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly mailer: ConfirmationEmails,
    private readonly metrics: RegistrationMetrics,
    private readonly folding: AddressFolding,
  ) {}

  async execute(input: { email: string }): Promise<void> {
    const email = Email.parse(input.email, this.folding);
    await this.unitOfWork.run(async (tx) => {
      const user = await tx.users.findByEmailForUpdate(email);
      if (user?.isPending) await this.mailer.sendConfirmation(tx, user);
      else if (user?.isActive) await this.mailer.sendAlreadyRegisteredNotice(tx, user);
    });
    this.metrics.resendRequested();
  }
}
