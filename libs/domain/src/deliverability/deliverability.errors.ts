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
