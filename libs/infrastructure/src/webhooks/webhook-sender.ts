import { createHmac } from 'node:crypto';
import type { MailReceipt } from '../mail/mail-message';
import { WebhookFailure } from './webhook-failure';

/** One POST of an event, as it goes out: the delivery's id, where, which event, and the decrypted body. */
export interface WebhookRequest {
  /** The outbox row's id: the same on every retry, so a receiver can drop a repeat. */
  deliveryId: string;
  url: string;
  event: string;
  body: unknown;
}

/**
 * POSTs an event as JSON, signed like Stripe's webhooks: `Gatehouse-Signature: t=<unix seconds>,v1=<hex
 * HMAC-SHA-256 of "<t>.<body>" with WEBHOOK_SECRET>`, so a receiver can check both origin and freshness.
 * A failure comes out as a WebhookFailure; whether it is final is classifyWebhookFailure's to say.
 */
export class WebhookSender {
  constructor(
    private readonly secret: string,
    private readonly timeoutMs: number,
  ) {}

  async send(request: WebhookRequest, now = new Date()): Promise<MailReceipt> {
    const body = JSON.stringify(request.body);
    const timestamp = Math.floor(now.getTime() / 1000);
    let response: Response;
    try {
      response = await fetch(request.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Gatehouse-Webhooks/1',
          'gatehouse-event': request.event,
          'gatehouse-delivery': request.deliveryId,
          'gatehouse-signature': `t=${timestamp},v1=${this.sign(timestamp, body)}`,
        },
        body,
      });
    } catch (error) {
      throw new WebhookFailure(`Webhook request failed: ${(error as Error).message}`);
    }
    await response.body?.cancel();
    if (response.ok) return { response: `HTTP ${response.status}` };
    throw new WebhookFailure(`Webhook answered HTTP ${response.status}`, response.status);
  }

  sign(timestamp: number, body: string): string {
    return createHmac('sha256', this.secret).update(`${timestamp}.${body}`).digest('hex');
  }
}
