import { createHmac } from 'node:crypto';
import { DeliveryError } from '../mail/mail-transport';
import type { MailReceipt } from '../mail/mail-message';

export interface WebhookDelivery {
  /** The outbox row's id: the same on every retry, so a receiver can drop a repeat. */
  deliveryId: string;
  url: string;
  event: string;
  body: unknown;
}

/**
 * POSTs an event as JSON, signed like Stripe's webhooks: `Gatehouse-Signature: t=<unix seconds>,v1=<hex
 * HMAC-SHA-256 of "<t>.<body>" with WEBHOOK_SECRET>`, so a receiver can check both origin and freshness.
 */
export class WebhookSender {
  constructor(
    private readonly secret: string,
    private readonly timeoutMs: number,
  ) {}

  async send(delivery: WebhookDelivery, now = new Date()): Promise<MailReceipt> {
    const body = JSON.stringify(delivery.body);
    const timestamp = Math.floor(now.getTime() / 1000);
    let response: Response;
    try {
      response = await fetch(delivery.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Gatehouse-Webhooks/1',
          'gatehouse-event': delivery.event,
          'gatehouse-delivery': delivery.deliveryId,
          'gatehouse-signature': `t=${timestamp},v1=${this.sign(timestamp, body)}`,
        },
        body,
      });
    } catch (error) {
      throw new DeliveryError(`Webhook request failed: ${(error as Error).message}`, false);
    }
    await response.body?.cancel();
    if (response.ok) return { response: `HTTP ${response.status}` };
    // The receiver said no for good (4xx); a busy, rate-limited or broken one (408, 429, 5xx) gets retries.
    const permanent =
      response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429;
    throw new DeliveryError(`Webhook answered HTTP ${response.status}`, permanent);
  }

  sign(timestamp: number, body: string): string {
    return createHmac('sha256', this.secret).update(`${timestamp}.${body}`).digest('hex');
  }
}
