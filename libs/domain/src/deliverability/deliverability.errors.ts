import { DomainError } from '../errors/domain-error';

/** A provider's webhook whose signature or credentials failed (or a provider not configured): nothing is stored. */
export class DeliveryEventUnverified extends DomainError {
  readonly code = 'DELIVERABILITY.UNVERIFIED' as const;

  constructor() {
    super('The request is not signed by the provider with the configured key or credentials.');
  }
}

/** A verified webhook whose body is not in the shape its provider documents. */
export class DeliveryEventPayloadInvalid extends DomainError {
  readonly code = 'DELIVERABILITY.PAYLOAD_INVALID' as const;

  constructor(message: string) {
    super(message, 'body');
  }
}

/** An email staff asked for, to an address on the suppression list: nothing is queued, the reason says why. */
export class AddressSuppressed extends DomainError {
  readonly code = 'DELIVERABILITY.ADDRESS_SUPPRESSED' as const;

  /** @param reason the suppression in plain words (Suppression.describe()) */
  constructor(readonly reason: string) {
    super(`No email goes to this address until support lifts its suppression. ${reason}`);
  }
}

/** Lifting a suppression the address does not have (lifted already, or never suppressed). */
export class NotSuppressed extends DomainError {
  readonly code = 'DELIVERABILITY.NOT_SUPPRESSED' as const;

  constructor() {
    super('This address is not on the suppression list.');
  }
}
