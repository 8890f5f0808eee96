import { freePort } from '@gatehouse/infrastructure/local/free-port';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, SETTINGS, type AppConfig } from '../apps/api/src/config/app-config';
import { ApiProcess } from './api-process';
import { benchBackOffice } from './back-office.bench';
import { openBenchPostgres, type BenchPostgres } from './bench-postgres';
import { benchConfirmation } from './confirmation.bench';
import { CountingSmtpSink } from './counting-smtp-sink';
import { describeCpuPer } from './cpu-meter';
import { EMAIL_DRAIN_TARGET_PER_SECOND, measureEmailDrain, readEmailDrainSettings } from './email-drain';
import { figure, ms, NONE, renderTable, verdict, type ResultRow } from './results-table';
import { benchSignUp, benchSignUpWithWorker } from './sign-up.bench';
import { benchStartUp } from './start-up.bench';

/**
 * `npm run bench`: Gatehouse measured against the machine's own limits, each figure beside its limit in the
 * same run (absolute numbers drift on a shared machine; ratios much less). Starts the built API as its own
 * process against a real PostgreSQL (TEST_DATABASE_URL, else an embedded one) and a counting SMTP sink, drives
 * it with autocannon, and prints one table. `--quick` runs every row with tiny sizes to prove the scripts work;
 * its figures mean nothing. `--only sign-up,confirmation,back-office,email-drain,start-up` runs some rows.
 * Gatehouse settings in the environment (DATABASE_POOL_SIZE=20, ARGON2_MEMORY_KIB=...) reach the API.
 * Exits 1 only when a benchmark could not run; a missed target is a FAIL in the table, not an error.
 */

const SECTIONS = ['sign-up', 'confirmation', 'back-office', 'email-drain', 'start-up'] as const;
type Section = (typeof SECTIONS)[number];

const APP_SECRET = 'bench-app-secret-0123456789abcdef0123456789';
const STAFF = { email: 'bench-admin@example.com', password: 'bench admin password' };
// Confirmations in flight at once, for the API and for the bare client: twice the default database pool.
const CONFIRMATIONS_IN_FLIGHT = 20;
// Limits out of reach. The window is the shortest allowed: the in-process limiter keeps every hit of the window
// per client address, and the benchmark is one address sending hundreds a second, which a real one never is.
const UNLIMITED = '10000000/1s';
// Set by the benchmark for the API it starts; every other Gatehouse setting passes through from the environment.
const OWN_SETTINGS = new Set(['NODE_ENV', 'DATABASE_URL', 'SMTP_URL', 'APP_SECRET', 'APP_URL', 'HOST', 'PORT']);

interface Sizes {
  signUpSeconds: number;
  rounds: number;
  confirmations: number;
  users: number;
  listSeconds: number;
  emails: number;
  idleSeconds: number;
}

const FULL: Sizes = {
  signUpSeconds: 20,
  rounds: 4,
  confirmations: 10_000,
  users: 1_000_000,
  listSeconds: 10,
  emails: 10_000,
  idleSeconds: 5,
};
const QUICK: Sizes = {
  signUpSeconds: 1,
  rounds: 1,
  confirmations: 300,
  users: 10_000,
  listSeconds: 1,
  emails: 500,
  idleSeconds: 1,
};

function readArguments(argv: string[]): { quick: boolean; sections: Set<Section> } {
  const { values } = parseArgs({
    args: argv,
    options: { quick: { type: 'boolean', default: false }, only: { type: 'string' } },
  });
  const only = values.only?.split(',').map((name) => name.trim()) ?? [...SECTIONS];
  for (const name of only) {
    if (!(SECTIONS as readonly string[]).includes(name)) {
      throw new Error(`--only takes a comma-separated list of ${SECTIONS.join(', ')}; "${name}" is none of them.`);
    }
  }
  return { quick: values.quick, sections: new Set(only as Section[]) };
}

/** The environment of the API under test: production, limits out of reach, a known secret, a first admin. */
function apiEnvironment(databaseUrl: string, smtpUrl: string, port: number): Record<string, string> {
  const passedOn = Object.fromEntries(
    SETTINGS.map((setting) => setting.variable)
      .filter((variable) => !OWN_SETTINGS.has(variable) && process.env[variable] !== undefined)
      .map((variable) => [variable, process.env[variable] as string]),
  );
  return {
    RATE_LIMIT_SIGNUP: UNLIMITED,
    RATE_LIMIT_RESEND: UNLIMITED,
    RATE_LIMIT_CONFIRM: UNLIMITED,
    RATE_LIMIT_STAFF_SIGNIN: UNLIMITED,
    EMAIL_LIMIT_PER_ADDRESS: UNLIMITED,
    EMAIL_LIMIT_GLOBAL: UNLIMITED,
    // The floor is a deliberate wait, not work: it would cap sign-ups per connection, not measure them.
    SIGNUP_MIN_RESPONSE_TIME: '0ms',
    ADMIN_EMAIL: STAFF.email,
    ADMIN_PASSWORD: STAFF.password,
    ...passedOn,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    SMTP_URL: smtpUrl,
    APP_SECRET,
    APP_URL: `http://127.0.0.1:${port}`,
  };
}

function failure(what: string, error: unknown): ResultRow {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`${what} failed: ${message}`);
  return { what, measured: 'error', limit: NONE, ratio: NONE, target: NONE, verdict: 'error' };
}

// Three decimals: two would show 0.595 as 0.60 beside a FAIL for a target of 0.60.
const ratio = (value: number) => value.toFixed(3);

interface RunningApi {
  api: ApiProcess;
  env: Record<string, string>;
  config: AppConfig;
  sink: CountingSmtpSink;
}

/** Starts an API (and an SMTP sink for it) on a new database, runs `work`, and stops both. */
async function withApi<T>(
  postgres: BenchPostgres,
  options: { extraEnv?: Record<string, string>; logDir: string; name: string; notes: string[] },
  work: (running: RunningApi) => Promise<T>,
): Promise<T> {
  const sink = await CountingSmtpSink.start();
  const port = await freePort();
  const env = { ...apiEnvironment(await postgres.createDatabase(), sink.url, port), ...options.extraEnv };
  const config = loadConfig(env);
  const api = ApiProcess.start({ env, port, logFile: path.join(options.logDir, `${options.name}.log`) });
  try {
    await api.ready();
    return await work({ api, env, config, sink });
  } finally {
    const code = await api.stop();
    if (code !== 0)
      options.notes.push(`The ${options.name} API process exited with ${code}; its log:\n${api.logTail()}`);
    await sink.close();
  }
}

const argon2Of = (config: AppConfig) => ({
  memoryCost: config.argon2MemoryKib,
  timeCost: config.argon2TimeCost,
  parallelism: config.argon2Parallelism,
});

async function signUpRows(postgres: BenchPostgres, sizes: Sizes, logDir: string, notes: string[]) {
  // The request path alone: the API's outbox worker held back (it would send each email from the same
  // two cores); sending has its own row (email drain) and, with sign-ups, the row after these.
  const extraEnv = { OUTBOX_POLL_INTERVAL: '1h' };
  return withApi(postgres, { extraEnv, logDir, name: 'sign-up', notes }, async ({ api, config }) => {
    notes.push(
      `API: libuv thread pool ${await api.threadPoolSize()}, DATABASE_POOL_SIZE ${config.databasePoolSize}, ` +
        `argon2id m=${config.argon2MemoryKib} KiB t=${config.argon2TimeCost} p=${config.argon2Parallelism}, ` +
        `NODE_ENV=production, LOG_LEVEL=${config.logLevel}`,
    );
    const s = await benchSignUp(api, { seconds: sizes.signUpSeconds, rounds: sizes.rounds, argon2: argon2Of(config) });
    const signUpRatio = s.saturation.perSecond / s.argon2PerSecond;
    notes.push(
      `CPU per sign-up (saturated): ${describeCpuPer(s.cpu.saturated, s.cpu.signUps, { server: 'API', driver: 'load generator' })}; ` +
        `argon2id alone: ${s.cpu.perHashAlone.toFixed(2)} ms a hash`,
    );
    return [
      {
        what: 'Sign-up (POST /api/registrations), new addresses, saturated',
        measured: `${figure(s.saturation.perSecond)}/s (${s.connections} connections)`,
        limit: `argon2id alone: ${figure(s.argon2PerSecond)} hashes/s, ${s.hashesInFlight} in flight`,
        ratio: ratio(signUpRatio),
        target: '>= 0.90',
        verdict: verdict(signUpRatio, { min: 0.9 }),
      },
      {
        what: `Sign-up latency at 80% of saturation (${s.rateAt80}/s)`,
        measured: `p50 ${ms(s.at80.p50)}, p99 ${ms(s.at80.p99)}`,
        limit: NONE,
        ratio: NONE,
        target: NONE,
        verdict: 'info',
      },
      {
        what: 'Event-loop delay in the API during saturated sign-up',
        measured: `p99 ${ms(s.eventLoop.p99)} (max ${ms(s.eventLoop.max)})`,
        limit: NONE,
        ratio: NONE,
        target: 'p99 <= 20 ms',
        verdict: verdict(s.eventLoop.p99, { max: 20 }),
      },
      {
        what: 'GET /health/live during saturated sign-up',
        measured: `p50 ${ms(s.healthUnderLoad.p50)}, p99 ${ms(s.healthUnderLoad.p99)}`,
        limit: `idle: p50 ${ms(s.healthIdle.p50)}, p99 ${ms(s.healthIdle.p99)}`,
        ratio: NONE,
        target: NONE,
        verdict: 'info',
      },
    ] satisfies ResultRow[];
  });
}

async function apiRows(
  postgres: BenchPostgres,
  sections: Set<Section>,
  sizes: Sizes,
  logDir: string,
  notes: string[],
): Promise<ResultRow[]> {
  return withApi(postgres, { logDir, name: 'api', notes }, async ({ api, env, config, sink }) => {
    const rows: ResultRow[] = [];
    if (sections.has('sign-up')) {
      try {
        const w = await benchSignUpWithWorker(api, {
          seconds: sizes.signUpSeconds,
          rounds: sizes.rounds,
          argon2: argon2Of(config),
          sent: () => sink.count,
        });
        rows.push({
          what: 'Sign-up, saturated, with the in-process worker sending every email',
          measured: `${figure(w.saturation.perSecond)}/s`,
          limit: `argon2id alone: ${figure(w.argon2PerSecond)} hashes/s`,
          ratio: ratio(w.saturation.perSecond / w.argon2PerSecond),
          target: NONE,
          verdict: 'info',
        });
      } catch (error) {
        rows.push(failure('Sign-up with the worker', error));
      }
    }

    if (sections.has('confirmation')) {
      try {
        const concurrency = CONFIRMATIONS_IN_FLIGHT;
        const c = await benchConfirmation(api, {
          databaseUrl: env.DATABASE_URL,
          appSecret: APP_SECRET,
          confirmations: sizes.confirmations,
          rounds: sizes.rounds,
          concurrency,
          poolSize: config.databasePoolSize,
        });
        const confirmationRatio = c.api.perSecond / c.barePerSecond;
        notes.push(
          `CPU per confirmation: through the API: ${describeCpuPer(c.apiCpu, c.measured.api, { server: 'API', driver: 'load generator' })}; ` +
            `bare client: ${describeCpuPer(c.bareCpu, c.measured.bare, { server: 'API (idle)', driver: 'bare client' })}`,
        );
        rows.push({
          what: 'Confirmation (POST /api/confirmations), new tokens',
          measured: `${figure(c.api.perSecond)}/s (${concurrency} in flight)`,
          limit: `bare pg Pool, one guarded statement: ${figure(c.barePerSecond)}/s`,
          ratio: ratio(confirmationRatio),
          target: '>= 0.40',
          verdict: verdict(confirmationRatio, { min: 0.4 }),
        });
      } catch (error) {
        rows.push(failure('Confirmation', error));
      }
    }

    if (sections.has('back-office')) {
      try {
        const b = await benchBackOffice(api, {
          databaseUrl: env.DATABASE_URL,
          users: sizes.users,
          seconds: sizes.listSeconds,
          staffEmail: STAFF.email,
          staffPassword: STAFF.password,
        });
        notes.push(`Back office: ${b.users.toLocaleString('en-US')} users seeded in ${figure(b.seedSeconds)} s`);
        const users = `${b.users.toLocaleString('en-US')} users`;
        const list = (what: string, result: typeof b.firstPage, max: number): ResultRow => ({
          what,
          measured: `p95 ${ms(result.p95)} (p50 ${ms(result.p50)})`,
          limit: NONE,
          ratio: NONE,
          target: `p95 <= ${max} ms`,
          verdict: verdict(result.p95, { max }),
        });
        rows.push(
          list(`Back office: first page of users (${users})`, b.firstPage, 20),
          list(`Back office: page by cursor at ${b.deepPosition.toLocaleString('en-US')}`, b.deepPage, 20),
          list(`Back office: search q=${b.searchFor} (${b.searchMatches} found)`, b.search, 50),
        );
      } catch (error) {
        rows.push(failure('Back office', error));
      }
    }
    return rows;
  });
}

async function main(): Promise<number> {
  const { quick, sections } = readArguments(process.argv.slice(2));
  const sizes = quick ? QUICK : FULL;
  const startedAt = new Date();
  const loadBefore = loadavg()[0];
  const logDir = await mkdtemp(path.join(tmpdir(), 'gatehouse-bench-logs-'));
  const postgres = await openBenchPostgres(process.env.TEST_DATABASE_URL);
  const rows: ResultRow[] = [];
  const notes: string[] = [];
  try {
    if (sections.has('sign-up')) {
      rows.push(...(await signUpRows(postgres, sizes, logDir, notes).catch((error) => [failure('Sign-up', error)])));
    }
    if (sections.has('sign-up') || sections.has('confirmation') || sections.has('back-office')) {
      rows.push(...(await apiRows(postgres, sections, sizes, logDir, notes).catch((error) => [failure('API', error)])));
    }

    if (sections.has('email-drain')) {
      try {
        const settings = readEmailDrainSettings(['--emails', String(sizes.emails)]);
        const drain = await measureEmailDrain(await postgres.createDatabase(), settings);
        rows.push({
          what: `Email drain: ${drain.emails.toLocaleString('en-US')} emails, one worker, to the sink`,
          measured: `${figure(drain.perSecond)} emails/s`,
          limit: NONE,
          ratio: NONE,
          target: `>= ${EMAIL_DRAIN_TARGET_PER_SECOND}/s`,
          verdict: verdict(drain.perSecond, { min: EMAIL_DRAIN_TARGET_PER_SECOND }),
        });
      } catch (error) {
        rows.push(failure('Email drain', error));
      }
    }

    if (sections.has('start-up')) {
      try {
        const s = await benchStartUp({ idleSeconds: sizes.idleSeconds, logDir });
        const seconds = (value: number) => `${figure(value / 1000, 2)} s`;
        rows.push(
          {
            what: 'Start-up to ready, embedded PostgreSQL, empty DATA_DIR',
            measured: seconds(s.firstStartMs),
            limit: `embedded PostgreSQL alone: ${seconds(s.postgresFirstMs)}`,
            ratio: NONE,
            target: NONE,
            verdict: 'info',
          },
          {
            what: 'Start-up to ready, embedded PostgreSQL, existing DATA_DIR',
            measured: seconds(s.secondStartMs),
            limit: `embedded PostgreSQL alone: ${seconds(s.postgresSecondMs)}`,
            ratio: NONE,
            target: NONE,
            verdict: 'info',
          },
          {
            what: 'Idle resident memory (RSS) of the API process',
            measured: `${figure(s.idleRssBytes / 2 ** 20)} MiB`,
            limit: `bare node: ${figure(s.bareNodeRssBytes / 2 ** 20)} MiB`,
            ratio: NONE,
            target: NONE,
            verdict: 'info',
          },
        );
      } catch (error) {
        rows.push(failure('Start-up', error));
      }
    }
  } finally {
    await postgres
      .close()
      .catch((error: unknown) =>
        console.error(`Cleanup failed: ${error instanceof Error ? error.message : String(error)}`),
      );
  }

  console.log(renderTable(rows));
  console.log(
    [
      '',
      `${quick ? 'Quick smoke run: sizes too small for the figures to mean anything. ' : ''}` +
        `${startedAt.toISOString()} to ${new Date().toISOString()}`,
      `Machine: ${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ` +
        `${figure(totalmem() / 2 ** 30)} GiB, load average ${loadBefore.toFixed(2)} at the start and ` +
        `${loadavg()[0].toFixed(2)} at the end`,
      `Node ${process.version}, PostgreSQL ${postgres.serverVersion} (${postgres.origin})`,
      ...notes,
    ].join('\n'),
  );
  const failed = rows.some((row) => row.verdict === 'error');
  if (failed) console.error(`Logs of the API processes: ${logDir}`);
  else await rm(logDir, { recursive: true, force: true });
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
