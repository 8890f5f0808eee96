import type { ConfirmationEmails } from '../confirmation/confirmation-emails';
import type { Clock } from '../ports/clock.port';
import type { NewAccounts } from '../ports/new-accounts.port';
import type { PasswordHasher } from '../ports/password-hasher.port';
import type { RandomSource } from '../ports/random-source.port';
import type { RegistrationMetrics } from '../ports/registration-metrics.port';
import type { TokenDigester } from '../ports/token-digester.port';
import type { UnitOfWork } from '../ports/unit-of-work.port';
import type { Email } from '../users/email.value-object';
import { browserDigestOf, MAX_LIVE_SIGN_UPS, type SignUpAttempt } from '../users/sign-up-attempt';
import type { SignUpRules } from '../users/sign-up-rules';
import { User } from '../users/user.entity';

export interface RegisterUserInput {
  email: string;
  password: string;
  locale: string;
  /** The signing-up browser's cookie, which later shows on the confirm page that this sign-up was its. */
  browserSecret?: string;
}

/**
 * Signs a person up. The answer is the same whether the address is new, pending, active or disabled,
 * so the caller learns nothing about which accounts exist: only the mailbox owner hears the difference.
 */
export class RegisterUser {
  constructor(
    private readonly newAccounts: NewAccounts,
    private readonly unitOfWork: UnitOfWork,
    private readonly hasher: PasswordHasher,
    private readonly random: RandomSource,
    private readonly clock: Clock,
    private readonly mailer: ConfirmationEmails,
    private readonly metrics: RegistrationMetrics,
    private readonly rules: SignUpRules,
    private readonly digester: TokenDigester,
  ) {}

  async execute(input: RegisterUserInput): Promise<void> {
    const { email, password } = this.rules.parse(input);
    // Hash on every path, before looking anything up, so a known address costs the same time as a new one.
    const passwordHash = await this.hasher.hash(password);

    const candidate = User.register({
      id: this.random.uuid(),
      email,
      passwordHash,
      locale: input.locale,
      now: this.clock.now(),
    });
    const { token, email: confirmation } = this.mailer.firstConfirmation(candidate);
    const signUp: SignUpAttempt = {
      id: this.random.uuid(),
      userId: candidate.id,
      passwordHash,
      browserDigest: browserDigestOf(this.digester, input.browserSecret),
      createdAt: candidate.createdAt,
    };
    const opened = await this.newAccounts.addIfAddressFree({
      user: candidate,
      signUp,
      token,
      email: confirmation,
      event: {
        type: 'user.registered',
        userId: candidate.id,
        email: candidate.email.value,
        occurredAt: candidate.createdAt,
      },
    });
    if (!opened) await this.answerKnownAddress(email, signUp);
    this.metrics.signedUp();
  }

  /**
   * The address has an account. A pending one keeps this sign-up beside the earlier ones, each with its own
   * password (the account's stays as it was: whoever confirms shows which was theirs), and gets a fresh link
   * within the email limits; an active one gets a notice.
   */
  private async answerKnownAddress(email: Email, signUp: SignUpAttempt): Promise<void> {
    await this.unitOfWork.run(async (tx) => {
      const existing = await tx.users.findByEmailForUpdate(email);
      if (!existing) return;
      if (existing.isPending) {
        const now = this.clock.now();
        existing.signedUpAgain(now);
        await tx.users.save(existing);
        await tx.signUps.add({ ...signUp, userId: existing.id, createdAt: now }, MAX_LIVE_SIGN_UPS);
        await this.mailer.sendConfirmation(tx, existing);
      } else if (existing.isActive) {
        await this.mailer.sendAlreadyRegisteredNotice(tx, existing);
      }
    });
  }
}
