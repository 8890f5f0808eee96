import { createDataSource, runMigrations } from '@gatehouse/infrastructure/persistence/data-source';
import { queueConfirmationEmails } from '@gatehouse/infrastructure/testing/queued-emails';
import { SmtpSink, waitUntil } from '@gatehouse/infrastructure/testing/smtp-sink';
import { createTestDatabase, type TestDatabase } from '@gatehouse/infrastructure/testing/test-database';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { type Pool } from 'pg';
import { TEST_SETTINGS } from './support/test-settings';

const ROOT = path.resolve(__dirname, '../../..');
const SECRET = 'worker-processes-secret-0123456789abcdef';

/** A separate `npm run worker` process (the built dist/apps/api/src/worker.js) on the test database. */
function startWorker(databaseUrl: string, smtp: SmtpSink, env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ['dist/apps/api/src/worker.js'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      SMTP_URL: smtp.url,
      APP_SECRET: SECRET,
      MAIL_FROM: 'Gatehouse <no-reply@example.com>',
      OUTBOX_POLL_INTERVAL: '50ms',
      OUTBOX_BATCH_SIZE: '25',
      ...TEST_SETTINGS,
      ...env,
    },
  });
}

function stopped(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * SIGTERM, then wait for the exit: a worker finishes and records what it is sending before it exits, and the SMTP
 * sink stores an email before it answers, so afterwards nothing more can arrive and a test may count.
 */
async function stopGracefully(...workers: ChildProcess[]): Promise<void> {
  for (const worker of workers) worker.kill('SIGTERM');
  await Promise.all(workers.map(stopped));
}

describe('Outbox workers in separate processes on one database', () => {
  let database: TestDatabase;
  let db: Pool;
  let smtp: SmtpSink;
  const children: ChildProcess[] = [];

  beforeEach(async () => {
    database = await createTestDatabase();
    const dataSource = createDataSource(database.url);
    await dataSource.initialize();
    await runMigrations(dataSource);
    await dataSource.destroy();
    db = database.pool({ max: 2 });
    smtp = await SmtpSink.start();
  });

  afterEach(async () => {
    for (const child of children.splice(0)) {
      child.kill('SIGKILL');
      await stopped(child);
    }
    await smtp.down();
    await db.end();
    await database.drop();
  });

  const queue = (count: number) => queueConfirmationEmails(db, { count, secret: SECRET, prefix: 'w' });

  const countSent = async () =>
    (await db.query(`SELECT count(*)::int AS n FROM email_outbox WHERE state = 'sent'`)).rows[0].n as number;

  it('delivers 2,000 queued emails exactly once with two workers sharing the outbox', async () => {
    await queue(2000);
    const workers = [startWorker(database.url, smtp), startWorker(database.url, smtp)];
    children.push(...workers);
    await smtp.waitForTotal(2000, 90_000);
    await waitUntil(
      async () => ((await countSent()) === 2000 ? true : undefined),
      30_000,
      () => 'every row to be marked sent',
    );
    await stopGracefully(...workers);

    expect(smtp.received).toHaveLength(2000);
    expect(new Set(smtp.received.map((email) => email.messageId)).size).toBe(2000);
    expect(new Set(smtp.received.map((email) => email.to)).size).toBe(2000);
    const rows = await db.query(
      `SELECT state, attempts, count(*)::int AS n FROM email_outbox GROUP BY state, attempts`,
    );
    expect(rows.rows).toEqual([{ state: 'sent', attempts: 1, n: 2000 }]);
  });

  it('on SIGTERM a worker finishes what it is sending, records it, and exits; nothing is sent twice', async () => {
    await queue(300);
    smtp.acceptDelayMs = 10;
    const worker = startWorker(database.url, smtp);
    children.push(worker);
    await smtp.waitForTotal(50, 60_000);
    const exitCode = new Promise<number | null>((resolve) => worker.once('exit', (code) => resolve(code)));
    worker.kill('SIGTERM');
    expect(await exitCode).toBe(0);

    const states = await db.query(`SELECT state, count(*)::int AS n FROM email_outbox GROUP BY state ORDER BY state`);
    expect(states.rows.map((row) => row.state)).not.toContain('sending');
    expect(await countSent()).toBe(smtp.received.length);

    smtp.acceptDelayMs = 0;
    const second = startWorker(database.url, smtp);
    children.push(second);
    await waitUntil(
      async () => ((await countSent()) === 300 ? true : undefined),
      60_000,
      () => 'the rest to be sent',
    );
    await stopGracefully(second);
    expect(smtp.received).toHaveLength(300);
    expect(new Set(smtp.received.map((email) => email.messageId)).size).toBe(300);
  });

  it('after a worker is killed mid-batch, a restarted one delivers the rest; only emails in flight may go twice', async () => {
    await queue(300);
    smtp.acceptDelayMs = 10;
    const first = startWorker(database.url, smtp, { OUTBOX_LEASE: '1s' });
    children.push(first);
    await smtp.waitForTotal(60, 60_000);
    first.kill('SIGKILL');
    await stopped(first);
    const beforeRestart = smtp.received.length;
    expect(beforeRestart).toBeLessThan(300);
    const inFlight = (await db.query(`SELECT count(*)::int AS n FROM email_outbox WHERE state = 'sending'`)).rows[0]
      .n as number;
    expect(inFlight).toBeGreaterThan(0);

    smtp.acceptDelayMs = 0;
    const restarted = startWorker(database.url, smtp, { OUTBOX_LEASE: '1s' });
    children.push(restarted);
    await waitUntil(
      async () => ((await countSent()) === 300 ? true : undefined),
      60_000,
      () => 'every row to be marked sent after the restart',
    );
    await stopGracefully(restarted);

    const byRecipient = new Map<string, Set<string>>();
    for (const email of smtp.received)
      byRecipient.set(email.to, (byRecipient.get(email.to) ?? new Set()).add(email.messageId));
    expect(byRecipient.size).toBe(300);
    // A message sent twice carries the same Message-ID both times.
    expect([...byRecipient.values()].every((ids) => ids.size === 1)).toBe(true);
    const duplicates = smtp.received.length - 300;
    expect(duplicates).toBeLessThanOrEqual(inFlight);
  });
});
