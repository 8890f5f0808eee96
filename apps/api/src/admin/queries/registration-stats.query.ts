import {
  confirmationEmailSentTo,
  emailsFailedQueuedIn,
  emailsSentIn,
} from '@gatehouse/infrastructure/persistence/email-outbox.record';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { daysInRange } from './dto/date-range.validator';
import { MAX_STATS_DAYS, RegistrationStatsRequestDto } from './dto/registration-stats.request.dto';
import { RegistrationDayResponseDto } from './dto/registration-day.response.dto';
import { RegistrationStatsResponseDto } from './dto/registration-stats.response.dto';

interface DayRow {
  day: string;
  registrations: number;
  confirmations: number;
}

interface SummaryRow {
  registered: number;
  email_sent: number;
  confirmed: number;
  median_seconds: number | null;
  pending_now: number;
  failed_deliveries: number;
  emails_sent: number;
}

/**
 * Sign-ups and confirmations over a range of UTC days. Every bound is a half-open interval of instants,
 * [first midnight, midnight after the last day), so an index on the column can serve it.
 */
@Injectable()
export class RegistrationStatsQuery {
  constructor(private readonly dataSource: DataSource) {}

  async forRange(request: RegistrationStatsRequestDto): Promise<RegistrationStatsResponseDto> {
    const days = daysInRange(request.from, request.to);
    if (!(days >= 1 && days <= MAX_STATS_DAYS)) {
      throw new RangeError(`from..to must be 1 to ${MAX_STATS_DAYS} days: validate the request with its DTO`);
    }
    const start = `${request.from}T00:00:00Z`;
    const end = new Date(Date.parse(`${request.to}T00:00:00Z`) + 86_400_000).toISOString();
    // One snapshot, so the days, the totals and the funnel count the same people.
    const { perDay, summaries } = await this.dataSource.transaction('REPEATABLE READ', async (manager) => ({
      perDay: await manager.query<DayRow[]>(
        `WITH days AS (
           SELECT generate_series($1::date, $2::date, interval '1 day')::date AS day
         ),
         registered AS (
           SELECT (created_at AT TIME ZONE 'UTC')::date AS day, count(*)::int AS n
             FROM users
            WHERE created_at >= $3::timestamptz AND created_at < $4::timestamptz
            GROUP BY 1
         ),
         confirmed AS (
           SELECT (confirmed_at AT TIME ZONE 'UTC')::date AS day, count(*)::int AS n
             FROM users
            WHERE confirmed_at >= $3::timestamptz AND confirmed_at < $4::timestamptz
            GROUP BY 1
         )
         SELECT to_char(days.day, 'YYYY-MM-DD') AS day,
                coalesce(registered.n, 0) AS registrations,
                coalesce(confirmed.n, 0) AS confirmations
           FROM days
           LEFT JOIN registered USING (day)
           LEFT JOIN confirmed USING (day)
          ORDER BY days.day`,
        [request.from, request.to, start, end],
      ),
      summaries: await manager.query<SummaryRow[]>(
        `SELECT
           (SELECT count(*)::int FROM users WHERE created_at >= $1::timestamptz AND created_at < $2::timestamptz)
             AS registered,
           (SELECT count(*)::int FROM users u
             WHERE u.created_at >= $1::timestamptz AND u.created_at < $2::timestamptz
               AND ${confirmationEmailSentTo('u')})
             AS email_sent,
           (SELECT count(*)::int FROM users
             WHERE created_at >= $1::timestamptz AND created_at < $2::timestamptz AND confirmed_at IS NOT NULL)
             AS confirmed,
           (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM confirmed_at - created_at))
              FROM users WHERE confirmed_at >= $1::timestamptz AND confirmed_at < $2::timestamptz)
             AS median_seconds,
           (SELECT count(*)::int FROM users WHERE status = 'pending') AS pending_now,
           ${emailsFailedQueuedIn('$1', '$2')} AS failed_deliveries,
           ${emailsSentIn('$1', '$2')} AS emails_sent`,
        [start, end],
      ),
    }));
    const [summary] = summaries;
    if (!summary) throw new Error('The statistics query returned no row');
    const registrations = perDay.reduce((sum, day) => sum + day.registrations, 0);
    return {
      from: request.from,
      to: request.to,
      days: perDay.map((row): RegistrationDayResponseDto => ({
        day: row.day,
        registrations: row.registrations,
        confirmations: row.confirmations,
      })),
      registrations,
      confirmations: perDay.reduce((sum, day) => sum + day.confirmations, 0),
      confirmationRate: summary.registered ? summary.confirmed / summary.registered : null,
      medianSecondsToConfirm: summary.median_seconds === null ? null : Number(summary.median_seconds),
      pendingNow: summary.pending_now,
      failedDeliveries: summary.failed_deliveries,
      emailsSent: summary.emails_sent,
      funnel: { registered: summary.registered, emailSent: summary.email_sent, confirmed: summary.confirmed },
    };
  }
}
