import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Sign-in attempts per address, known or not, so the lockout itself reveals nothing. */
@Entity({ name: 'staff_sign_in_failures' })
export class StaffSignInFailureRecord {
  @PrimaryColumn('text', { name: 'email_normalized' })
  emailNormalized!: string;

  /** Attempts counted in the current window (each is counted before its password is checked). */
  @Column('integer')
  failures!: number;

  @Column('timestamptz', { name: 'window_started_at' })
  windowStartedAt!: Date;

  @Column('timestamptz', { name: 'locked_until', nullable: true })
  lockedUntil!: Date | null;
}

/** What RESERVE_ATTEMPT needs, by name. */
export interface ReserveAttemptValues {
  emailNormalized: string;
  now: Date;
  /** A window that started at or before this is over. */
  windowStartedBefore: Date;
  maxFailures: number;
  /** Until when the attempt that reaches maxFailures locks the address. */
  lockEnds: Date;
}

/**
 * Hand-written because it must be one statement, and TypeORM's insert().orUpdate() sets a column only to its
 * EXCLUDED value: it cannot say "a new window, or one more attempt, unless locked". One statement reserves an
 * attempt: a new address gets a row, an address in its window one more attempt, an address whose window or
 * lockout ended a fresh window. The row lock of INSERT ... ON CONFLICT DO UPDATE makes concurrent attempts for
 * one address count one after the other; while the address is locked the WHERE leaves the row alone and nothing
 * comes back. The row comes back under the record's property names.
 */
export const RESERVE_ATTEMPT = reserveAttemptIn('staff_sign_in_failures');

/** RESERVE_ATTEMPT for a table of the same shape (people's attempts are kept apart from staff's). */
export function reserveAttemptIn(table: 'staff_sign_in_failures' | 'user_sign_in_failures'): string {
  return `
  INSERT INTO ${table} AS f (email_normalized, failures, window_started_at, locked_until)
  VALUES ($1, 1, $2, CASE WHEN 1 >= $4::int THEN $5::timestamptz END)
  ON CONFLICT (email_normalized) DO UPDATE SET
    failures = CASE WHEN f.locked_until IS NOT NULL OR f.window_started_at <= $3 THEN 1 ELSE f.failures + 1 END,
    window_started_at = CASE WHEN f.locked_until IS NOT NULL OR f.window_started_at <= $3 THEN $2 ELSE f.window_started_at END,
    locked_until = CASE
      WHEN (CASE WHEN f.locked_until IS NOT NULL OR f.window_started_at <= $3 THEN 1 ELSE f.failures + 1 END) >= $4::int
      THEN $5::timestamptz
    END
  WHERE f.locked_until IS NULL OR f.locked_until <= $2
  RETURNING f.locked_until AS "lockedUntil"`;
}

/** RESERVE_ATTEMPT's $1 to $5, from their names. */
export function reserveAttemptParameters(values: ReserveAttemptValues): unknown[] {
  return [values.emailNormalized, values.now, values.windowStartedBefore, values.maxFailures, values.lockEnds];
}

/** The row RESERVE_ATTEMPT returns when the attempt was counted. */
export type ReservedAttemptRow = Pick<StaffSignInFailureRecord, 'lockedUntil'>;
