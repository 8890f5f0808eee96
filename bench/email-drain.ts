import 'reflect-metadata';
import { EmailComposer } from '@gatehouse/infrastructure/mail/email-composer';
import { MailerMailTransport } from '@gatehouse/infrastructure/mail/mailer.mail-transport';
import { OutboxPayloadCipher } from '@gatehouse/infrastructure/mail/outbox-payload.cipher';
import { OutboxWorker, type OutboxLogger } from '@gatehouse/infrastructure/mail/outbox-worker';
import { smtpTransportOptions } from '@gatehouse/infrastructure/mail/smtp-transport-options';
import { createDataSource, runMigrations } from '@gatehouse/infrastructure/persistence/data-source';
import { queueConfirmationEmails } from '@gatehouse/infrastructure/testing/queued-emails';
import { MailerService } from '@nestjs-modules/mailer';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import type { DataSource } from 'typeorm';
import { openBenchPostgres } from './bench-postgres';
import { CountingSmtpSink } from './counting-smtp-sink';

/**
 * How fast one process empties an outbox of confirmation emails through the real OutboxWorker, templates and
 * SMTP transport, into an SMTP server in the same process that only counts. `npm run bench` runs it as one
 * row of its table (measureEmailDrain); `node dist/bench/email-drain.js` runs it alone with its knobs:
 * --batch (emails one worker claims at a time), --pool (SMTP connections), --workers (outbox workers in this
 * process, sharing the pools), --db-pool (database connections), --emails, --quick (500 emails).
 */

export const EMAIL_DRAIN_TARGET_PER_SECOND = 500;
const TIMEOUT_MS = 5 * 60_000;
const SECRET = 'bench-secret-0123456789abcdef0123456789';

export interface EmailDrainSettings {
  quick: boolean;
  emails: number;
  batchSize: number;
  smtpPoolSize: number;
  workers: number;
  databasePoolSize: number;
}

export function readEmailDrainSettings(argv: string[]): EmailDrainSettings {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      emails: { type: 'string' },
      batch: { type: 'string', default: '100' },
      pool: { type: 'string', default: '10' },
      workers: { type: 'string', default: '1' },
      'db-pool': { type: 'string', default: '10' },
    },
  });
  const positive = (name: string, raw: string): number => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1)
      throw new Error(`--${name} must be a positive whole number, not ${raw}.`);
    return value;
  };
  return {
    quick: values.quick,
    emails: positive('emails', values.emails ?? (values.quick ? '500' : '10000')),
    batchSize: positive('batch', values.batch),
    smtpPoolSize: positive('pool', values.pool),
    workers: positive('workers', values.workers),
    databasePoolSize: positive('db-pool', values['db-pool']),
  };
}

/** Collects what the workers complain about: a clean run has nothing to say. */
class CountingLogger implements OutboxLogger {
  readonly problems: string[] = [];
  log(): void {}
  warn(message: string): void {
    this.problem(message);
  }
  error(message: string): void {
    this.problem(message);
  }
  private problem(message: string): void {
    // Said at once, so a run that is retrying its way towards the timeout does not wait in silence.
    if (!this.problems.length) console.error(`Worker: ${message}`);
    this.problems.push(message);
  }
}

/** Fills the outbox the way committed sign-ups would have left it, in one statement. */
async function queue(dataSource: DataSource, count: number): Promise<void> {
  await queueConfirmationEmails(dataSource, { count, secret: SECRET, prefix: 'b' });
  // A real outbox fills over time and autovacuum keeps its statistics; give the planner the same start.
  await dataSource.query('ANALYZE email_outbox');
}

async function states(dataSource: DataSource): Promise<{ sent: number; failed: number }> {
  const [row] = await dataSource.query(
    `SELECT count(*) FILTER (WHERE state = 'sent')::int AS sent, count(*) FILTER (WHERE state = 'failed')::int AS failed
       FROM email_outbox`,
  );
  return row;
}

/** Waits until the sink has every message and every row is 'sent'; throws on a failed row or the timeout. */
async function drained(dataSource: DataSource, sink: CountingSmtpSink, total: number, deadline: number) {
  let lastFailureCheck = 0;
  for (;;) {
    const now = performance.now();
    if (now > deadline) {
      const { sent } = await states(dataSource);
      throw new Error(`Not drained within ${TIMEOUT_MS / 1000} s: ${sink.count} received, ${sent} rows sent.`);
    }
    if (sink.count >= total) {
      const { sent, failed } = await states(dataSource);
      if (failed) throw new Error(`${failed} email(s) failed for good.`);
      if (sent >= total) return;
    } else if (now - lastFailureCheck > 500) {
      lastFailureCheck = now;
      const { failed } = await states(dataSource);
      if (failed) throw new Error(`${failed} email(s) failed for good.`);
    }
    await sleep(sink.count >= total ? 5 : 10);
  }
}

export interface EmailDrainResult {
  emails: number;
  seconds: number;
  perSecond: number;
  /** Messages the sink received more than once (a retried batch). */
  duplicates: number;
  /** What the workers warned about; a clean run has nothing. */
  problems: string[];
}

/** Queues `settings.emails` confirmation emails in the (empty) database at `databaseUrl` and drains them. */
export async function measureEmailDrain(databaseUrl: string, settings: EmailDrainSettings): Promise<EmailDrainResult> {
  const cleanups: (() => Promise<unknown>)[] = [];
  const logger = new CountingLogger();
  try {
    const dataSource = createDataSource(databaseUrl, { poolSize: settings.databasePoolSize });
    await dataSource.initialize();
    cleanups.unshift(() => dataSource.destroy());
    await runMigrations(dataSource);

    const sink = await CountingSmtpSink.start();
    cleanups.unshift(() => sink.close());
    const composer = new EmailComposer({
      appUrl: 'https://id.example.com',
      productName: 'Gatehouse',
      brandColor: '#1d4ed8',
    });
    const mailer = new MailerService(
      {
        transport: smtpTransportOptions(sink.url, {
          connections: settings.smtpPoolSize,
          ratePerSecond: 0,
          timeoutMs: 10_000,
        }),
        ...composer.mailerTemplateOptions,
      },
      undefined as never,
    );
    cleanups.unshift(() => mailer.onModuleDestroy());

    await queue(dataSource, settings.emails);

    const cipher = new OutboxPayloadCipher(SECRET);
    const transport = new MailerMailTransport(mailer);
    const workers = Array.from(
      { length: settings.workers },
      () =>
        new OutboxWorker(
          dataSource,
          cipher,
          composer,
          transport,
          {
            from: 'Gatehouse <no-reply@example.com>',
            pollIntervalMs: 10,
            batchSize: settings.batchSize,
            leaseMs: 120_000,
            maxAttempts: 8,
            retryBaseMs: 30_000,
            maxRetryDelayMs: 6 * 3_600_000,
          },
          logger,
        ),
    );
    cleanups.unshift(() => Promise.all(workers.map((worker) => worker.stop())));

    const started = performance.now();
    for (const worker of workers) worker.start();
    await drained(dataSource, sink, settings.emails, started + TIMEOUT_MS);
    const seconds = (performance.now() - started) / 1000;
    return {
      emails: settings.emails,
      seconds,
      perSecond: settings.emails / seconds,
      duplicates: Math.max(0, sink.count - settings.emails),
      problems: logger.problems,
    };
  } catch (error) {
    for (const problem of logger.problems.slice(0, 5)) console.error(`  worker: ${problem}`);
    throw error;
  } finally {
    for (const cleanup of cleanups) {
      await cleanup().catch((error: unknown) =>
        console.error(`Cleanup failed: ${error instanceof Error ? error.message : String(error)}`),
      );
    }
  }
}

function printTable(rows: [string, string][]): void {
  const width = Math.max(...rows.map(([label]) => label.length));
  const valueWidth = Math.max(...rows.map(([, value]) => value.length));
  const line = `+-${'-'.repeat(width)}-+-${'-'.repeat(valueWidth)}-+`;
  console.log(line);
  for (const [label, value] of rows) console.log(`| ${label.padEnd(width)} | ${value.padStart(valueWidth)} |`);
  console.log(line);
}

async function main(): Promise<number> {
  const settings = readEmailDrainSettings(process.argv.slice(2));
  const postgres = await openBenchPostgres(process.env.TEST_DATABASE_URL);
  try {
    const result = await measureEmailDrain(await postgres.createDatabase(), settings);
    printTable([
      ['emails', result.emails.toLocaleString('en-US')],
      ['seconds to empty', result.seconds.toFixed(2)],
      ['emails per second', Math.round(result.perSecond).toLocaleString('en-US')],
      ['target', `${EMAIL_DRAIN_TARGET_PER_SECOND}/s on 2 cores`],
      ['batch size', String(settings.batchSize)],
      ['SMTP pool size', String(settings.smtpPoolSize)],
      ['workers in process', String(settings.workers)],
      ['database pool size', String(settings.databasePoolSize)],
      ['Node', process.version],
      ['PostgreSQL', `${postgres.serverVersion} (${postgres.origin})`],
    ]);
    if (settings.quick) console.log('Quick smoke run: too few emails for the figures to mean much.');
    if (result.duplicates) console.log(`Note: the sink received ${result.duplicates} duplicate(s).`);
    if (result.problems.length) {
      console.log(`Worker warnings: ${result.problems.length}, first: ${result.problems[0]}`);
    }
    return 0;
  } catch (error) {
    console.error(`Benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await postgres
      .close()
      .catch((error: unknown) =>
        console.error(`Cleanup failed: ${error instanceof Error ? error.message : String(error)}`),
      );
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`Benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
