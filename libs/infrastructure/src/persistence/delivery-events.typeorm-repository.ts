import { canonicalMessageId, type EmailReference } from '@gatehouse/domain/deliverability/delivery-event';
import {
  DeliveryEvents,
  type DeliveryEventRecording,
  type EmailOnRecord,
} from '@gatehouse/domain/ports/delivery-events.port';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { INSERT_DELIVERY_EVENT, SOFT_BOUNCES_SINCE, type DeliveryEventValue } from './delivery-event.record';
import { EMAIL_ON_RECORD } from './email-outbox.record';
import type { OutboxSettings } from './email-outbox.typeorm-repository';
import { TypeOrmEventOutbox } from './event-outbox.typeorm-repository';
import { UPSERT_SUPPRESSION, suppressionRowValues } from './suppression.record';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The delivery history's events and the suppression list in PostgreSQL; an event's effects commit together. */
export class TypeOrmDeliveryEvents extends DeliveryEvents {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outboxSettings: OutboxSettings,
  ) {
    super();
  }

  async findEmail(reference: EmailReference): Promise<EmailOnRecord | null> {
    // A Message-ID of Gatehouse's is <outbox id@MESSAGE_ID_DOMAIN>: found by the row's key, then compared whole.
    const messageId = 'messageId' in reference ? canonicalMessageId(reference.messageId) : null;
    const id = messageId ? messageId.slice(1, messageId.indexOf('@')) : (reference as { outboxId: string }).outboxId;
    if (!UUID.test(id)) return null;
    const [row]: Array<EmailOnRecord & { messageId: string }> = await this.dataSource.query(
      EMAIL_ON_RECORD.text,
      EMAIL_ON_RECORD.values({ id }),
    );
    if (!row || (messageId && row.messageId !== messageId)) return null;
    return { outboxId: row.outboxId, userId: row.userId, to: row.to, addressKey: row.addressKey };
  }

  async softBouncesSince(addressKey: string, since: Date): Promise<number> {
    const [{ n }]: Array<{ n: number }> = await this.dataSource.query(
      SOFT_BOUNCES_SINCE.text,
      SOFT_BOUNCES_SINCE.values({ addressKey, since }),
    );
    return n;
  }

  record({ event, email, receivedAt, suppression, announcement }: DeliveryEventRecording): Promise<boolean> {
    const values: Record<DeliveryEventValue, unknown> = {
      id: randomUUID(),
      provider: event.provider,
      providerEventId: event.providerEventId,
      outboxId: email.outboxId,
      addressKey: email.addressKey,
      kind: event.kind,
      bounceType: event.kind === 'bounced' ? event.bounceType : null,
      smtpStatus: event.kind === 'bounced' || event.kind === 'deferred' ? event.smtpStatus : null,
      diagnostic:
        event.kind === 'bounced' || event.kind === 'deferred'
          ? event.diagnostic
          : event.kind === 'complained'
            ? event.feedbackType
            : null,
      occurredAt: event.occurredAt,
      receivedAt,
    };
    return this.dataSource.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(INSERT_DELIVERY_EVENT.text, INSERT_DELIVERY_EVENT.values(values));
      if (!inserted.length) return false;
      if (suppression) {
        await manager.query(UPSERT_SUPPRESSION.text, UPSERT_SUPPRESSION.values(suppressionRowValues(suppression)));
      }
      if (announcement) await new TypeOrmEventOutbox(manager, this.outboxSettings).publish(announcement);
      return true;
    });
  }
}
