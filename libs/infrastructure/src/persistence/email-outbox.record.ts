import { Column, Entity, PrimaryColumn } from 'typeorm';
import { namedStatement } from './named-parameters';

// suppressed: an email not sent because its address is on the suppression list.
export const OUTBOX_STATES = ['queued', 'sending', 'sent', 'failed', 'suppressed'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

/**
 * Every delivery, of either channel: one table, so one worker claims, leases and retries them all. Some columns
 * mean one thing per channel; outbox-delivery.mapper.ts is the one place that reads that meaning into them.
 */
@Entity({ name: 'email_outbox' })
export class EmailOutboxRecord {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  channel!: 'email' | 'webhook';

  /** Null for a webhook whose account is gone: its announcement outlives the account. */
  @Column('uuid', { name: 'user_id', nullable: true })
  userId!: string | null;

  /** Email: the template. Webhook: the event type. */
  @Column('text')
  template!: string;

  /** Email: the language. Webhook: ''. */
  @Column('text')
  locale!: string;

  /** Email: the address as typed. Webhook: the URL. */
  @Column('text')
  recipient!: string;

  /** Email: the address as the per-address limits count it. Webhook: ''. */
  @Column('text', { name: 'recipient_normalized' })
  recipientNormalized!: string;

  /** Email: the template's data. Webhook: the event's body. Encrypted (it may hold a secret) until it has left. */
  @Column('bytea', { nullable: true })
  payload!: Buffer | null;

  @Column('text')
  state!: OutboxState;

  @Column('integer')
  attempts!: number;

  @Column('timestamptz', { name: 'next_attempt_at' })
  nextAttemptAt!: Date;

  @Column('text', { name: 'last_error', nullable: true })
  lastError!: string | null;

  /** Email: the Message-ID. Webhook: the delivery's id. */
  @Column('text', { name: 'message_id' })
  messageId!: string;

  /** The receiver's answer: the SMTP server's to DATA, or the webhook's HTTP status. */
  @Column('text', { name: 'smtp_response', nullable: true })
  smtpResponse!: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'sent_at', nullable: true })
  sentAt!: Date | null;
}

// The table's hand-written SQL, every statement of it, beside its declaration. Hot ones (the worker's claim and
// marks, the sign-up's insert) are hand-written because TypeORM's builders cost more CPU than PostgreSQL spends
// on them (BENCHMARKS.md); the rest sit here so that no other file spells this table's columns. Rows come back
// under the record's property names.

const QUEUED_ROW_COLUMNS = `id, channel, user_id, template, locale, recipient, recipient_normalized, payload, state,
  attempts, next_attempt_at, message_id, created_at`;

/** The values of a queued email, by name: what ENQUEUE_EMAIL and emailRowFrom take, in this order by position. */
export const EMAIL_ROW_VALUES = [
  'id',
  'userId',
  'template',
  'locale',
  'recipient',
  'recipientNormalized',
  'payload',
  'queuedAt',
  'messageId',
] as const;
export type EmailRowValue = (typeof EMAIL_ROW_VALUES)[number];

// Queued, due when queued, never tried.
const emailRowSelect = (p: Record<EmailRowValue, string>) =>
  `SELECT ${p.id}::uuid, 'email', ${p.userId}::uuid, ${p.template}::text, ${p.locale}::text, ${p.recipient}::text,
      ${p.recipientNormalized}::text, ${p.payload}::bytea, 'queued', 0, ${p.queuedAt}::timestamptz,
      ${p.messageId}::text, ${p.queuedAt}::timestamptz`;

/** Queues one email. */
export const ENQUEUE_EMAIL = namedStatement<EmailRowValue>(
  `INSERT INTO email_outbox (${QUEUED_ROW_COLUMNS})
  ${emailRowSelect(Object.fromEntries(EMAIL_ROW_VALUES.map((name) => [name, `:${name}`])) as Record<EmailRowValue, string>)}`,
);

/**
 * SQL that queues an email from inside a larger statement, once for each row `source` (a CTE) returns, none when
 * it returns nothing. The values come in the caller's placeholders, by name.
 */
export function emailRowFrom(source: string, p: Record<EmailRowValue, string>): string {
  return `INSERT INTO email_outbox (${QUEUED_ROW_COLUMNS})
    ${emailRowSelect(p)}
      FROM ${source}`;
}

/**
 * SQL that queues an event's webhook deliveries from inside a larger statement: one row per delivery for each
 * account row `source` (a CTE with an `id` column) returns, none when it returns nothing. The deliveries come
 * as three arrays (ids, URLs, encrypted payloads) named by the caller's placeholders, the event's type and time
 * likewise.
 */
export function webhookRowsFrom(
  source: string,
  p: { type: string; at: string; ids: string; urls: string; payloads: string },
): string {
  return `INSERT INTO email_outbox (${QUEUED_ROW_COLUMNS})
    SELECT d.id, 'webhook', ${source}.id, ${p.type}::text, '', d.url, '', d.payload, 'queued', 0, ${p.at}::timestamptz,
      d.id::text, ${p.at}::timestamptz
      FROM ${source} CROSS JOIN unnest(${p.ids}::uuid[], ${p.urls}::text[], ${p.payloads}::bytea[]) AS d(id, url, payload)`;
}

/**
 * When an email to this address was queued, from `since` on, for the per-address limits. Served by
 * email_outbox_recipient_idx (recipient_normalized, created_at DESC). A failed email (the worker gave up on it)
 * was never delivered and does not count; every other state is sent or still on its way.
 */
export const EMAIL_QUEUED_TIMES = namedStatement<'address' | 'since'>(
  `SELECT created_at AS "createdAt" FROM email_outbox
    WHERE recipient_normalized = :address AND channel = 'email' AND created_at >= :since
      AND state IN ('queued', 'sending', 'sent')
    ORDER BY created_at`,
);

/** What a worker needs of a row it claimed. */
export type ClaimedOutboxRow = Pick<
  EmailOutboxRecord,
  'id' | 'channel' | 'template' | 'locale' | 'recipient' | 'recipientNormalized' | 'payload' | 'messageId' | 'attempts'
>;

/**
 * Claims up to :limit due rows (of one :channel, or of both when it is null), oldest due first, leased for
 * :leaseMs. A row still 'sending' whose lease ran out is a crashed worker's, taken again. SKIP LOCKED lets any
 * number of workers claim side by side. Wrapped in a CTE so the driver hands back the rows (a bare UPDATE
 * answers with [rows, count]).
 */
export const CLAIM_DUE = namedStatement<'limit' | 'leaseMs' | 'channel'>(
  `WITH claimed AS (
     UPDATE email_outbox
        SET state = 'sending',
            attempts = attempts + 1,
            next_attempt_at = now() + make_interval(secs => :leaseMs::double precision / 1000)
      WHERE id IN (
        SELECT id FROM email_outbox
         WHERE state IN ('queued', 'sending') AND next_attempt_at <= now()
           AND (:channel::text IS NULL OR channel = :channel::text)
         ORDER BY next_attempt_at
         LIMIT :limit
         FOR UPDATE SKIP LOCKED)
    RETURNING id, channel, template, locale, recipient, recipient_normalized AS "recipientNormalized", payload,
      message_id AS "messageId", attempts)
   SELECT * FROM claimed`,
);

/** Emails sent in the last :windowMs, plus those claimed and still leased (on their way out now). */
export const EMAILS_IN_CAP_WINDOW = namedStatement<'windowMs'>(
  `SELECT count(*)::int AS used FROM email_outbox
    WHERE channel = 'email'
      AND ((state = 'sent' AND sent_at > now() - make_interval(secs => :windowMs::double precision / 1000))
        OR (state = 'sending' AND next_attempt_at > now()))`,
);

/** Delivered: the receiver's answer kept, the content (and any secret in it) forgotten. */
export const MARK_SENT = namedStatement<'id' | 'response'>(
  `UPDATE email_outbox
      SET state = 'sent', sent_at = now(), payload = NULL, smtp_response = :response, last_error = NULL
    WHERE id = :id`,
);

/** Given up on: the error kept, the content forgotten. */
export const MARK_FAILED = namedStatement<'id' | 'error'>(
  `UPDATE email_outbox SET state = 'failed', payload = NULL, last_error = :error WHERE id = :id`,
);

/** Not sent, because its address is suppressed: why kept, the content forgotten. Never retried. */
export const MARK_SUPPRESSED = namedStatement<'id' | 'reason'>(
  `UPDATE email_outbox SET state = 'suppressed', payload = NULL, last_error = :reason WHERE id = :id`,
);

/** Queued again, due in :delayMs. */
export const MARK_RETRY = namedStatement<'id' | 'error' | 'delayMs'>(
  `UPDATE email_outbox
      SET state = 'queued', last_error = :error,
          next_attempt_at = now() + make_interval(secs => :delayMs::double precision / 1000)
    WHERE id = :id`,
);

/** An email (not a webhook) by its id, for a delivery event about it; its account's id is null once it is gone. */
export const EMAIL_ON_RECORD = namedStatement<'id'>(
  `SELECT id AS "outboxId", user_id AS "userId", recipient AS "to", recipient_normalized AS "addressKey",
      message_id AS "messageId"
     FROM email_outbox WHERE id = :id AND channel = 'email'`,
);

/** Per channel, what is still on its way (queued or being sent) and how long the oldest of it has waited. */
export const WAITING_BY_CHANNEL = `SELECT channel, count(*)::int AS waiting,
    extract(epoch FROM now() - min(created_at))::float8 AS oldest
  FROM email_outbox WHERE state IN ('queued', 'sending') GROUP BY channel`;

/** Emails (not webhooks) per state, and how long the oldest in each state has been in the outbox. */
export const EMAILS_BY_STATE = `SELECT state, count(*)::int AS n, extract(epoch FROM now() - min(created_at))::float8 AS oldest
  FROM email_outbox WHERE channel = 'email' GROUP BY state`;

// The back office's reads (users-directory, registration-stats): fragments of their statements, so the outbox's
// columns stay here. Each takes its outer aliases and placeholders from the caller.

/**
 * A LATERAL join of the newest email (not webhook) of the user aliased `user`, as `as` with its state, template
 * and created_at; a row of nulls when there is none. email_outbox_user_idx (user_id, created_at) finds it.
 */
export function latestEmailJoin(user: string, as: string): string {
  return `
  LEFT JOIN LATERAL (
    SELECT o.state, o.template, o.created_at
      FROM email_outbox o
     WHERE o.user_id = ${user}.id AND o.channel = 'email'
     ORDER BY o.created_at DESC, o.id DESC
     LIMIT 1
  ) ${as} ON true`;
}

/** True when the user aliased `user` was sent a confirmation email (any of them). */
export function confirmationEmailSentTo(user: string): string {
  return `EXISTS (SELECT 1 FROM email_outbox o
                   WHERE o.user_id = ${user}.id AND o.channel = 'email'
                     AND o.template = 'confirmation' AND o.state = 'sent')`;
}

/** How many emails queued in [from, to) failed for good. */
export function emailsFailedQueuedIn(from: string, to: string): string {
  return `(SELECT count(*)::int FROM email_outbox
             WHERE channel = 'email' AND state = 'failed'
               AND created_at >= ${from}::timestamptz AND created_at < ${to}::timestamptz)`;
}

/** How many emails were sent in [from, to). Served by email_outbox_sent_emails_idx. */
export function emailsSentIn(from: string, to: string): string {
  return `(SELECT count(*)::int FROM email_outbox
             WHERE channel = 'email' AND state = 'sent'
               AND sent_at >= ${from}::timestamptz AND sent_at < ${to}::timestamptz)`;
}

/** The ids of every email queued for the user whose id is `user` (a placeholder or a column). */
export function emailIdsOfUser(user: string): string {
  return `(SELECT o.id FROM email_outbox o WHERE o.user_id = ${user} AND o.channel = 'email')`;
}
