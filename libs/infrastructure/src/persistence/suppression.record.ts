import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Suppression, type SuppressionCause } from '@gatehouse/domain/deliverability/suppression';
import { namedStatement } from './named-parameters';

/** An address (its unique key) no email goes to. */
@Entity({ name: 'suppressions' })
export class SuppressionRecord {
  @PrimaryColumn('text', { name: 'address_key' })
  addressKey!: string;

  @Column('text')
  cause!: SuppressionCause;

  @Column('text', { name: 'smtp_status', nullable: true })
  smtpStatus!: string | null;

  @Column('text', { nullable: true })
  diagnostic!: string | null;

  @Column('timestamptz', { name: 'suppressed_at' })
  suppressedAt!: Date;

  /** Null: until staff lift it. */
  @Column('timestamptz', { name: 'suppressed_until', nullable: true })
  suppressedUntil!: Date | null;
}

const SUPPRESSION_COLUMNS = `address_key AS "addressKey", cause, smtp_status AS "smtpStatus", diagnostic,
  suppressed_at AS "suppressedAt", suppressed_until AS "suppressedUntil"`;

/**
 * Suppresses an address, never for less time than it already is: one suppressed until lifted stays so, and a
 * timed one keeps the later end (the domain decided the suppression; this guard keeps a racing shorter one out).
 */
export const UPSERT_SUPPRESSION = namedStatement<
  'addressKey' | 'cause' | 'smtpStatus' | 'diagnostic' | 'suppressedAt' | 'suppressedUntil'
>(
  `INSERT INTO suppressions AS s (address_key, cause, smtp_status, diagnostic, suppressed_at, suppressed_until)
   VALUES (:addressKey, :cause, :smtpStatus, :diagnostic, :suppressedAt, :suppressedUntil)
   ON CONFLICT (address_key) DO UPDATE
     SET cause = excluded.cause, smtp_status = excluded.smtp_status, diagnostic = excluded.diagnostic,
         suppressed_at = excluded.suppressed_at, suppressed_until = excluded.suppressed_until
     WHERE s.suppressed_until IS NOT NULL
       AND (excluded.suppressed_until IS NULL OR excluded.suppressed_until > s.suppressed_until)`,
);

/** The suppressions of these addresses (active or run out: the domain judges). The worker asks once per batch. */
export const SUPPRESSIONS_OF = namedStatement<'addressKeys'>(
  `SELECT ${SUPPRESSION_COLUMNS} FROM suppressions WHERE address_key = ANY(:addressKeys::text[])`,
);

export type SuppressionRow = Pick<
  SuppressionRecord,
  'addressKey' | 'cause' | 'smtpStatus' | 'diagnostic' | 'suppressedAt' | 'suppressedUntil'
>;

export function suppressionFromRow(row: SuppressionRow): Suppression {
  return Suppression.restore({
    addressKey: row.addressKey,
    cause: row.cause,
    smtpStatus: row.smtpStatus,
    diagnostic: row.diagnostic,
    since: row.suppressedAt,
    until: row.suppressedUntil,
  });
}

export function suppressionRowValues(suppression: Suppression): Record<string, unknown> {
  const s = suppression.snapshot();
  return {
    addressKey: s.addressKey,
    cause: s.cause,
    smtpStatus: s.smtpStatus,
    diagnostic: s.diagnostic,
    suppressedAt: s.since,
    suppressedUntil: s.until,
  };
}

/** Lifts an address's suppression, returning what it was (no row: there was none). */
export const DELETE_SUPPRESSION = namedStatement<'addressKey'>(
  `DELETE FROM suppressions WHERE address_key = :addressKey RETURNING ${SUPPRESSION_COLUMNS}`,
);

/** True when the address key `addressKey` (a column) is suppressed at `now` (a placeholder of a timestamptz). */
export function activeSuppressionOf(addressKey: string, now: string): string {
  return `EXISTS (SELECT 1 FROM suppressions s
                   WHERE s.address_key = ${addressKey}
                     AND (s.suppressed_until IS NULL OR s.suppressed_until > ${now}::timestamptz))`;
}

/** The suppression list's size now, by cause (run-out timed ones left out), for the metrics. */
export const ACTIVE_SUPPRESSIONS_BY_CAUSE = `SELECT cause, count(*)::int AS n FROM suppressions
  WHERE suppressed_until IS NULL OR suppressed_until > now() GROUP BY cause`;
