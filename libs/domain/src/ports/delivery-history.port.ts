import type { DeliveryRecord } from '../mail/delivery-record';

export abstract class DeliveryHistory {
  /** Every email queued for this user, oldest first. */
  abstract forUser(userId: string): Promise<DeliveryRecord[]>;
}
