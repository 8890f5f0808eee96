import type { DeliveryRecord, DeliveryState } from '@gatehouse/domain/mail/delivery-record';
import type { DataSource } from 'typeorm';
import { DELIVERY_EVENTS_OF_USER, type DeliveryEventRow } from './delivery-event.record';
import { EmailOutboxRecord } from './email-outbox.record';
import { deliveryFromRow } from './outbox-delivery.mapper';

/** What was queued for one person and what happened to each, for the back office: a read, no port needed. */
export class TypeOrmDeliveryHistory {
  constructor(private readonly dataSource: DataSource) {}

  /** Every email and webhook queued for this user, oldest first. */
  async forUser(userId: string): Promise<DeliveryRecord[]> {
    const rows = await this.dataSource.getRepository(EmailOutboxRecord).find({
      where: { userId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return rows.map((row) => {
      const delivery = deliveryFromRow(row);
      return {
        id: row.id,
        channel: delivery.channel,
        // Support sees what it was and where it went: an email's template and address, a webhook's event and URL.
        ...(delivery.channel === 'webhook'
          ? { template: delivery.event, recipient: delivery.url }
          : { template: delivery.template, recipient: delivery.to }),
        state: row.state as DeliveryState,
        attempts: row.attempts,
        lastError: row.lastError,
        messageId: row.messageId,
        smtpResponse: row.smtpResponse,
        createdAt: row.createdAt,
        // Only a queued delivery is waiting for a next attempt; for the others the column is bookkeeping.
        nextAttemptAt: row.state === 'queued' ? row.nextAttemptAt : null,
        sentAt: row.sentAt,
      };
    });
  }

  /** What providers reported about this user's emails, oldest first. */
  eventsForUser(userId: string): Promise<DeliveryEventRow[]> {
    return this.dataSource.query(DELIVERY_EVENTS_OF_USER.text, DELIVERY_EVENTS_OF_USER.values({ userId }));
  }
}
