import { freePort } from '@gatehouse/infrastructure/local/free-port';
import { MIGRATIONS } from '@gatehouse/infrastructure/persistence/data-source';
import { SmtpSink, waitUntil } from '@gatehouse/infrastructure/testing/smtp-sink';
import { createTestDatabase, type TestDatabase } from '@gatehouse/infrastructure/testing/test-database';
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { type Pool } from 'pg';
import { TEST_SETTINGS } from './support/test-settings';

const ROOT = path.resolve(__dirname, '../../..');
// The same for both processes: either one's worker may send what the other one queued.
const SECRET = 'instances-e2e-secret-0123456789abcdefghi';
const PASSWORD = 'correct horse battery staple';

/** The built server (`node dist/apps/api/src/main.js`) as a process of its own, on the test's database. */
class ApiProcess {
  output = '';
  readonly exited: Promise<number | null>;

  private constructor(
    readonly child: ChildProcess,
    readonly baseUrl: string,
  ) {
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  static async start(databaseUrl: string, smtp: SmtpSink): Promise<ApiProcess> {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const child = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: String(port),
        APP_URL: baseUrl,
        DATABASE_URL: databaseUrl,
        SMTP_URL: smtp.url,
        APP_SECRET: SECRET,
        OUTBOX_POLL_INTERVAL: '50ms',
        EMAIL_COOLDOWN: '0s',
        ...TEST_SETTINGS,
      },
    });
    return new ApiProcess(child, baseUrl);
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Polls GET /health/ready until it answers 200: the process migrates the database before it listens. */
  async ready(timeoutMs = 60_000): Promise<void> {
    await waitUntil(
      async () => {
        if (!this.running) throw new Error(`The server exited during start-up:\n${this.output}`);
        const response = await fetch(`${this.baseUrl}/health/ready`).catch(() => undefined);
        return response?.status === 200 ? true : undefined;
      },
      timeoutMs,
      () => `${this.baseUrl}/health/ready to answer 200; output so far:\n${this.output}`,
    );
  }

  async kill(): Promise<void> {
    if (this.running) this.child.kill('SIGKILL');
    await this.exited;
  }
}

/** An HTTP status, or the code of the socket error of a request that got no answer at all. */
type Outcome = ({ status: number } | { error: string }) & { connectedAt?: number };

/**
 * POST /api/registrations on a connection of its own, so that once the server stops accepting, a new request
 * is refused at the TCP level. (On a kept-alive connection Fastify would answer a request arriving during the
 * drain with 503, its `return503OnClosing`.)
 */
function signUp(baseUrl: string, email: string): Promise<Outcome> {
  const body = JSON.stringify({ email, password: PASSWORD });
  let connectedAt: number | undefined;
  return new Promise<Outcome>((resolve) => {
    const req = request(
      `${baseUrl}/api/registrations`,
      {
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
        res.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    req.on('socket', (socket) => socket.once('connect', () => (connectedAt = performance.now())));
    req.end(body);
  }).then((outcome) => ({ ...outcome, connectedAt }));
}

/** Runs `work` over `items`, at most `limit` at a time. */
async function inParallel<T, R>(items: T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('API processes: two on one database, and one stopped under load', () => {
  let database: TestDatabase;
  let db: Pool;
  let smtp: SmtpSink;
  const processes: ApiProcess[] = [];

  beforeEach(async () => {
    database = await createTestDatabase();
    db = database.pool({ max: 2 });
    smtp = await SmtpSink.start();
  });

  afterEach(async () => {
    for (const api of processes.splice(0)) await api.kill();
    await smtp.down();
    await db.end();
    await database.drop();
  });

  async function start(): Promise<ApiProcess> {
    const api = await ApiProcess.start(database.url, smtp);
    processes.push(api);
    return api;
  }

  it('two API processes on one database', async () => {
    // Started together on an empty database: the advisory lock has to make their migrations take turns.
    const apis = await Promise.all([start(), start()]);
    await Promise.all(apis.map((api) => api.ready()));
    const migrations = await db.query<{ name: string }>(`SELECT name FROM migrations`);
    expect(migrations.rows).toHaveLength(MIGRATIONS.length);
    expect(new Set(migrations.rows.map((row) => row.name)).size).toBe(MIGRATIONS.length);

    const emails = Array.from({ length: 200 }, (_, n) => `pair-${n}@example.com`);
    // About ten at a time: argon2id makes every sign-up cost real CPU.
    const outcomes = await inParallel(emails, 10, (email, index) => signUp(apis[index % 2].baseUrl, email));
    const notAccepted = outcomes
      .map((outcome, index) => ({ email: emails[index], ...outcome }))
      .filter((outcome) => !('status' in outcome) || outcome.status !== 202);
    expect(notAccepted).toEqual([]);

    const users = await db.query<{ email: string }>(`SELECT email FROM users`);
    expect(users.rows.map((row) => row.email).sort()).toEqual([...emails].sort());

    await smtp.waitForTotal(200, 60_000);
    await waitUntil(
      async () => {
        const { rows } = await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM email_outbox WHERE state = 'sent'`,
        );
        return rows[0].n === 200 ? true : undefined;
      },
      30_000,
      () => 'every outbox row to be marked sent',
    );
    // An email sent twice would arrive shortly after the 200th. On SIGTERM each process's worker finishes and
    // records what it is sending, then the process exits: after that nothing more can arrive.
    for (const api of apis) api.child.kill('SIGTERM');
    await Promise.all(apis.map((api) => api.exited));

    expect(smtp.received).toHaveLength(200);
    expect(smtp.received.map((email) => email.to.toLowerCase()).sort()).toEqual([...emails].sort());
    const states = await db.query(
      `SELECT state, attempts, count(*)::int AS n FROM email_outbox GROUP BY state, attempts`,
    );
    expect(states.rows).toEqual([{ state: 'sent', attempts: 1, n: 200 }]);
  });

  it('SIGTERM during load loses no request', async () => {
    const api = await start();
    await api.ready();

    interface Sent {
      email: string;
      /** Milliseconds on performance.now(), the same clock as `sigtermAt`. */
      sentAt: number;
      doneAt: number;
      outcome: Outcome;
    }
    const sent: Sent[] = [];
    let counter = 0;
    let exited = false;
    void api.exited.then(() => (exited = true));
    const lane = async () => {
      while (!exited) {
        const email = `load-${counter++}@example.com`;
        const sentAt = performance.now();
        const outcome = await signUp(api.baseUrl, email);
        sent.push({ email, sentAt, doneAt: performance.now(), outcome });
        // A refused connection comes back at once: no need to spin while the process winds down.
        if ('error' in outcome) await sleep(10);
      }
    };
    const load = Promise.all(Array.from({ length: 8 }, lane));

    // Steady load first: at least a second of it, and past the slow first requests of a fresh process.
    const loadStartedAt = performance.now();
    await waitUntil(
      () =>
        performance.now() - loadStartedAt >= 1_000 &&
        sent.filter((request) => 'status' in request.outcome && request.outcome.status === 202).length >= 16
          ? true
          : undefined,
      60_000,
      () =>
        `16 accepted sign-ups before SIGTERM; first answers: ${JSON.stringify(sent.slice(0, 3))}; server output:\n${api.output.slice(-4000)}`,
    );
    const sigtermAt = performance.now();
    api.child.kill('SIGTERM');
    await waitUntil(
      () => (api.running ? undefined : true),
      60_000,
      () => `the process to exit after SIGTERM; output:\n${api.output.slice(-4000)}`,
    );
    const exitCode = await api.exited;
    await load;

    // Times in milliseconds from SIGTERM, for the failure messages.
    const at = (time: number | undefined) => (time === undefined ? 'never' : `${(time - sigtermAt).toFixed(1)} ms`);
    const show = ({ email, sentAt, doneAt, outcome }: Sent) =>
      `${email}: ${'status' in outcome ? outcome.status : outcome.error}; sent ${at(sentAt)}, ` +
      `connected ${at(outcome.connectedAt)}, ended ${at(doneAt)} (0 = SIGTERM)`;
    expect({ exitCode, output: exitCode === 0 ? '' : api.output }).toEqual({ exitCode: 0, output: '' });

    const accepted = sent.filter((request) => 'status' in request.outcome && request.outcome.status === 202);
    const answeredOtherwise = sent.filter((request) => 'status' in request.outcome && request.outcome.status !== 202);
    const unanswered = sent.filter((request) => 'error' in request.outcome);
    expect(answeredOtherwise.map(show)).toEqual([]);
    // A connection the kernel queued but the server never picked up before closing its listener is reset
    // unread: the client learns the request was not handled and may retry. Such a request must have left
    // nothing behind, and every request the server did read was answered 202 (checked above).
    const unhandled = unanswered.map((request) => request.email);
    const traces = await db.query<{ email: string }>(`SELECT email FROM users WHERE email = ANY($1)`, [unhandled]);
    expect(traces.rows).toEqual([]);
    expect(
      unanswered
        .filter((request) => !['ECONNREFUSED', 'ECONNRESET'].includes((request.outcome as { error: string }).error))
        .map(show),
    ).toEqual([]);
    // The signal did land in the middle of requests being handled, and they were answered.
    const inFlight = accepted.filter((request) => request.sentAt < sigtermAt && request.doneAt > sigtermAt);
    expect(inFlight.length).toBeGreaterThan(0);

    // Every accepted sign-up left its user and its email behind.
    const addresses = accepted.map((request) => request.email).sort();
    const users = await db.query<{ email: string }>(`SELECT email FROM users WHERE email = ANY($1)`, [addresses]);
    expect(users.rows.map((row) => row.email).sort()).toEqual(addresses);
    const emails = await db.query<{ recipient: string; state: string }>(
      `SELECT recipient, state FROM email_outbox WHERE recipient = ANY($1)`,
      [addresses],
    );
    expect(emails.rows.map((row) => row.recipient).sort()).toEqual(addresses);
    expect(emails.rows.filter((row) => !['sent', 'queued'].includes(row.state))).toEqual([]);
  });
});
