import { Column, Entity, PrimaryColumn } from 'typeorm';
import { emailIdsOfUser } from './email-outbox.record';
import { namedStatement } from './named-parameters';

/** What a provider (or a bounce email) reported about one email: its delivery history after the relay. */
@Entity({ name: 'delivery_events' })
export class DeliveryEventRecord {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  provider!: string;

  @Column('text', { name: 'provider_event_id' })
  providerEventId!: string;

  @Column('uuid', { name: 'outbox_id' })
  outboxId!: string;

  /** The recipient's unique key, as the email's row had it. */
  @Column('text', { name: 'address_key' })
  addressKey!: string;

  @Column('text')
  kind!: 'delivered' | 'deferred' | 'bounced' | 'complained';

  @Column('text', { name: 'bounce_type', nullable: true })
  bounceType!: 'hard' | 'soft' | null;

  @Column('text', { name: 'smtp_status', nullable: true })
  smtpStatus!: string | null;

  /** The receiving server's words, or a complaint's feedback type. */
  @Column('text', { nullable: true })
  diagnostic!: string | null;

  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt!: Date;

  @Column('timestamptz', { name: 'received_at' })
  receivedAt!: Date;
}

export type DeliveryEventValue =
  | 'id'
  | 'provider'
  | 'providerEventId'
  | 'outboxId'
  | 'addressKey'
  | 'kind'
  | 'bounceType'
  | 'smtpStatus'
  | 'diagnostic'
  | 'occurredAt'
  | 'receivedAt';

/** Records an event unless the provider's event id is recorded already; returns the row only when it is new. */
export const INSERT_DELIVERY_EVENT = namedStatement<DeliveryEventValue>(
  `INSERT INTO delivery_events (id, provider, provider_event_id, outbox_id, address_key, kind, bounce_type,
     smtp_status, diagnostic, occurred_at, received_at)
   VALUES (:id, :provider, :providerEventId, :outboxId, :addressKey, :kind, :bounceType, :smtpStatus, :diagnostic,
     :occurredAt, :receivedAt)
   ON CONFLICT ON CONSTRAINT delivery_events_once DO NOTHING
   RETURNING id`,
);

/** Soft bounces to an address that happened from :since on. Served by delivery_events_soft_bounces_idx. */
export const SOFT_BOUNCES_SINCE = namedStatement<'addressKey' | 'since'>(
  `SELECT count(*)::int AS n FROM delivery_events
    WHERE address_key = :addressKey AND kind = 'bounced' AND bounce_type = 'soft' AND occurred_at >= :since`,
);

export type DeliveryEventRow = Pick<
  DeliveryEventRecord,
  'id' | 'provider' | 'outboxId' | 'kind' | 'bounceType' | 'smtpStatus' | 'diagnostic' | 'occurredAt' | 'receivedAt'
>;

/** What providers reported about a user's emails, oldest first, for the back office's timeline. */
export const DELIVERY_EVENTS_OF_USER = namedStatement<'userId'>(
  `SELECT id, provider, outbox_id AS "outboxId", kind, bounce_type AS "bounceType", smtp_status AS "smtpStatus",
          diagnostic, occurred_at AS "occurredAt", received_at AS "receivedAt"
     FROM delivery_events
    WHERE outbox_id IN ${emailIdsOfUser(':userId')}
    ORDER BY occurred_at ASC, id ASC`,
);

/**
 * Pending accounts (ids, oldest first) one of whose emails hard-bounced, reported before :cutoff: the purge takes
 * them after BOUNCED_PENDING_TTL. Each user's emails are found by email_outbox_user_idx, their events by
 * delivery_events_outbox_idx.
 */
export const PENDING_HARD_BOUNCED_BEFORE = namedStatement<'cutoff' | 'limit'>(
  `SELECT u.id FROM users u
    WHERE u.status = 'pending'
      AND EXISTS (SELECT 1 FROM delivery_events e
                   WHERE e.outbox_id IN ${emailIdsOfUser('u.id')}
                     AND e.kind = 'bounced' AND e.bounce_type = 'hard' AND e.received_at < :cutoff)
    ORDER BY u.created_at ASC, u.id ASC
    LIMIT :limit`,
);
