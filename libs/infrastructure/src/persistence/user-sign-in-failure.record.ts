import { Column, Entity, PrimaryColumn } from 'typeorm';
import { reserveAttemptIn } from './staff-sign-in-failure.record';

/**
 * People's sign-in attempts per address (the account's unique key, or the address as typed when it has none),
 * counted before each password is checked; the same shape as staff_sign_in_failures, kept apart from it.
 */
@Entity({ name: 'user_sign_in_failures' })
export class UserSignInFailureRecord {
  @PrimaryColumn('text', { name: 'email_normalized' })
  emailNormalized!: string;

  @Column('integer')
  failures!: number;

  @Column('timestamptz', { name: 'window_started_at' })
  windowStartedAt!: Date;

  @Column('timestamptz', { name: 'locked_until', nullable: true })
  lockedUntil!: Date | null;
}

/** staff-sign-in-failure.record.ts's one-statement reservation, on this table (same named values). */
export const RESERVE_USER_ATTEMPT = reserveAttemptIn('user_sign_in_failures');
