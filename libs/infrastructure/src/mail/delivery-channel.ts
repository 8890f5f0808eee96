import type { MailReceipt } from './mail-message';
import type { DeliveryError } from './mail-transport';
import type { OutboxDelivery } from './outbox-delivery';

/**
 * One way out of the outbox: how a delivery of this channel is sent, and how its failures are judged (final,
 * or worth another attempt). The worker calls the channel of each delivery it claimed and owns the rest.
 */
export interface DeliveryChannel<D extends OutboxDelivery> {
  send(delivery: D): Promise<MailReceipt>;
  classify(error: unknown): DeliveryError;
}
