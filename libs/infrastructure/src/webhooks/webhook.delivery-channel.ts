import type { DeliveryChannel } from '../mail/delivery-channel';
import type { MailReceipt } from '../mail/mail-message';
import { DeliveryError } from '../mail/mail-transport';
import type { WebhookDelivery } from '../mail/outbox-delivery';
import type { OutboxPayloadCipher } from '../mail/outbox-payload.cipher';
import { classifyWebhookFailure } from './webhook-failure';
import type { WebhookSender } from './webhook-sender';

/** Webhooks: the stored body decrypted, signed and POSTed; judged by HTTP's rules. */
export class WebhookDeliveryChannel implements DeliveryChannel<WebhookDelivery> {
  /** No sender: WEBHOOK_SECRET is unset, and an unsigned webhook must not leave. */
  constructor(
    private readonly cipher: OutboxPayloadCipher,
    private readonly sender: WebhookSender | undefined,
  ) {}

  async send(delivery: WebhookDelivery): Promise<MailReceipt> {
    if (!delivery.payload) throw new Error('The webhook has no content left to send.');
    const body = this.cipher.decrypt(delivery.payload);
    if (!this.sender) throw new DeliveryError('Webhooks are not configured (WEBHOOK_SECRET).', true);
    return this.sender.send({ deliveryId: delivery.id, url: delivery.url, event: delivery.event, body });
  }

  classify(error: unknown): DeliveryError {
    return classifyWebhookFailure(error);
  }
}
