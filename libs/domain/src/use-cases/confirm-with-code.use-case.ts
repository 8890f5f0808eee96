import type { AccountActivation, ConfirmerInput } from '../confirmation/account-activation';
import { CODE_ATTEMPTS, codeDigestInput, normalizeCode } from '../confirmation/confirmation-code';
import { CodeInvalid, CodeLocked, TokenExpired } from '../confirmation/confirmation.errors';
import { InvalidInput } from '../errors/invalid-input.error';
import type { Clock } from '../ports/clock.port';
import type { Confirmations } from '../ports/confirmations.port';
import type { TokenDigester } from '../ports/token-digester.port';
import type { UnitOfWork } from '../ports/unit-of-work.port';
import type { AddressFolding } from '../users/address-folding';
import { Email } from '../users/email.value-object';
import type { ConfirmEmailResult } from './confirm-email.use-case';

export interface ConfirmWithCodeInput extends ConfirmerInput {
  email: string;
  code: string;
}

/**
 * Confirms with the address and the 6-digit code from the email, for people whose mail client mangles
 * links or who read mail on another device. Every address, with an account or without, may try 5 codes an
 * hour and gets the same answers, so the code says nothing about which addresses have accounts.
 */
export class ConfirmWithCode {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly confirmations: Confirmations,
    private readonly digester: TokenDigester,
    private readonly clock: Clock,
    private readonly activation: AccountActivation,
    private readonly folding: AddressFolding,
  ) {}

  async execute(input: ConfirmWithCodeInput): Promise<ConfirmEmailResult> {
    const email = Email.parse(input.email, this.folding);
    const code = normalizeCode(input.code);
    if (!code) throw InvalidInput.of('code', 'code.shape', 'Enter the 6 digits from the email.');

    // Counted and committed before the code is compared, so guesses sent at once cannot get more checked.
    const counted = await this.unitOfWork.run((tx) =>
      tx.codeAttempts.reserve(email.normalized, this.clock.now(), CODE_ATTEMPTS),
    );
    if (counted.attempt > CODE_ATTEMPTS.maxAttempts) throw new CodeLocked();

    const result = await this.activation.confirm(async () => {
      const found = await this.confirmations.findOutstandingForAddress(email.normalized);
      const { token } = found ?? {};
      const right = !!token?.codeDigest && this.digester.digest(codeDigestInput(token.id, code)) === token.codeDigest;
      if (!found || !right) throw counted.attempt >= CODE_ATTEMPTS.maxAttempts ? new CodeLocked() : new CodeInvalid();
      if (found.token.state(this.clock.now()) === 'expired') throw new TokenExpired();
      return found;
    }, input);
    await this.unitOfWork.run((tx) => tx.codeAttempts.clear(email.normalized));
    return result;
  }
}
