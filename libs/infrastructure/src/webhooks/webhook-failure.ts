import { DeliveryError } from '../mail/mail-transport';

/** A webhook that did not arrive: the receiver's HTTP status, or none when no answer came at all. */
export class WebhookFailure extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'WebhookFailure';
  }
}

/**
 * Webhooks' rules, not SMTP's: a receiver that said no (4xx) said it for good; a busy, rate-limited or broken
 * one (408, 429, 5xx) and one that never answered (refused, reset, timed out) get retries.
 */
export function classifyWebhookFailure(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  if (error instanceof WebhookFailure) {
    const { status } = error;
    const permanent = status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 429;
    return new DeliveryError(error.message.slice(0, 1000), permanent);
  }
  // Not the receiver's doing (an undecryptable body, say): worth another try, as for any unknown failure.
  return new DeliveryError(`Webhook error: ${(error as Error)?.message ?? String(error)}`.slice(0, 1000), false);
}
