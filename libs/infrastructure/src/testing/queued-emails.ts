import { OutboxPayloadCipher } from '../mail/outbox-payload.cipher';
import { waitUntil } from './smtp-sink';

/** Anything that runs a parameterised query: a pg Pool or a TypeORM DataSource. */
interface Queryable {
  query(sql: string, params: unknown[]): Promise<unknown>;
}

/**
 * Fills the outbox with `count` confirmation emails to <prefix><n>@example.com in one statement, as committed
 * sign-ups would have left them, for tests and benchmarks of the workers.
 */
export async function queueConfirmationEmails(
  db: Queryable,
  options: { count: number; secret: string; prefix: string },
) {
  const payload = new OutboxPayloadCipher(options.secret).encrypt({
    token: 'T'.repeat(43),
    code: '123456',
    expiresAt: '2030-01-01T00:00:00Z',
  });
  await db.query(
    `INSERT INTO email_outbox (id, template, locale, recipient, recipient_normalized, payload, state, attempts, next_attempt_at, message_id, created_at)
     SELECT id, 'confirmation', 'en', $3 || n || '@example.com', $3 || n || '@example.com', $2, 'queued', 0, now(), '<' || id || '@example.com>', now()
       FROM (SELECT gen_random_uuid() AS id, n FROM generate_series(1, $1::int) AS n) AS rows`,
    [options.count, payload, options.prefix],
  );
}

/**
 * Waits until nothing in the outbox is queued or being sent, failing after the timeout. The SMTP sink stores an
 * email before it answers, and a worker records an email as sent only after that answer, so once this returns every
 * email the app queued is in the sink or failed for good: a test can then count what arrived, and what did not.
 */
export async function waitUntilOutboxDrained(db: Queryable, timeoutMs = 15_000): Promise<void> {
  let waiting = 0;
  await waitUntil(
    async () => {
      const result = await db.query(
        `SELECT count(*)::int AS n FROM email_outbox WHERE state IN ('queued', 'sending')`,
        [],
      );
      // A pg Pool answers with { rows }, a TypeORM DataSource with the rows themselves.
      const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Array<{ n: number }>;
      waiting = rows[0].n;
      return waiting === 0 ? true : undefined;
    },
    timeoutMs,
    () => `an empty outbox; ${waiting} row(s) still queued or sending`,
  );
}
