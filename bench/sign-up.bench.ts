import { setTimeout as sleep } from 'node:timers/promises';
import type { ApiProcess, EventLoopDelay } from './api-process';
import { measureArgon2Baseline } from './argon2-baseline';
import { load, type LoadResult } from './load';

export interface SignUpSettings {
  /** Seconds of each measured run. */
  seconds: number;
  argon2: { memoryCost: number; timeCost: number; parallelism: number };
}

export interface SignUpFigures {
  saturation: LoadResult;
  connections: number;
  /** argon2id alone, hashes per second, with as many in flight as the API's thread pool holds. */
  argon2PerSecond: number;
  hashesInFlight: number;
  at80: LoadResult;
  rateAt80: number;
  eventLoop: EventLoopDelay;
  healthIdle: LoadResult;
  healthUnderLoad: LoadResult;
}

const PASSWORD = 'bench sign-up password';
// Every address new: a repeated one would take the cheaper "already registered" path.
let made = 0;
const signUpBody = () => ({ email: `signup-${process.pid}-${++made}@example.com`, password: PASSWORD });

function signUps(api: ApiProcess, run: { seconds: number; connections: number; rate?: number }): Promise<LoadResult> {
  return load({ baseUrl: api.baseUrl, path: '/api/registrations', body: signUpBody, expectStatus: 202, ...run });
}

/** `GET /health/live` a few times a second, as a load balancer would ask. */
function health(api: ApiProcess, seconds: number): Promise<LoadResult> {
  return load({ baseUrl: api.baseUrl, path: '/health/live', connections: 1, rate: 20, seconds, expectStatus: 200 });
}

/**
 * Sign-ups with new addresses through POST /api/registrations: first as fast as they are answered (with
 * enough connections to keep every thread of the API's pool hashing), then at 80% of that rate for the
 * latency. The limit is argon2id alone, same parameters, same number of hashes in flight, measured just
 * before and just after (the mean of the two, so a machine that gets busier or quieter during the run moves
 * both sides alike). The API's event loop is watched during the saturated run, and /health/live asked
 * throughout.
 */
export async function benchSignUp(api: ApiProcess, settings: SignUpSettings): Promise<SignUpFigures> {
  const { seconds } = settings;
  const hashesInFlight = await api.threadPoolSize();
  const connections = Math.max(8, 4 * hashesInFlight);
  const baseline = () => measureArgon2Baseline({ ...settings.argon2, concurrency: hashesInFlight, seconds });

  const healthIdle = await health(api, Math.min(seconds, 5));
  // Warm-up: JIT, the database pool's connections, the first pages of every table.
  await signUps(api, { seconds: Math.max(1, seconds / 5), connections });

  const before = await baseline();
  await api.resetEventLoop();
  const [saturation, healthUnderLoad] = await Promise.all([
    signUps(api, { seconds, connections }),
    health(api, seconds),
  ]);
  const eventLoop = await api.eventLoopDelay();
  const after = await baseline();

  const rateAt80 = Math.max(1, Math.round(saturation.perSecond * 0.8));
  const at80 = await signUps(api, { seconds, connections: Math.min(connections, rateAt80), rate: rateAt80 });
  return {
    saturation,
    connections,
    argon2PerSecond: (before + after) / 2,
    hashesInFlight,
    at80,
    rateAt80,
    eventLoop,
    healthIdle,
    healthUnderLoad,
  };
}

export interface SignUpWithWorkerFigures {
  saturation: LoadResult;
  argon2PerSecond: number;
  hashesInFlight: number;
}

/**
 * The same saturated sign-up with the API's own outbox worker composing and sending every confirmation
 * email as it goes (Gatehouse's default: each API process runs a worker), against argon2id alone measured
 * right after. Returns once the worker has caught up, so what follows is not measured against its backlog.
 */
export async function benchSignUpWithWorker(
  api: ApiProcess,
  settings: SignUpSettings & { sent: () => number },
): Promise<SignUpWithWorkerFigures> {
  const hashesInFlight = await api.threadPoolSize();
  const connections = Math.max(8, 4 * hashesInFlight);
  const madeBefore = made;
  await signUps(api, { seconds: Math.max(1, settings.seconds / 5), connections });
  const saturation = await signUps(api, { seconds: settings.seconds, connections });
  const argon2PerSecond = await measureArgon2Baseline({
    ...settings.argon2,
    concurrency: hashesInFlight,
    seconds: settings.seconds,
  });
  const deadline = Date.now() + 120_000;
  while (settings.sent() < made - madeBefore && Date.now() < deadline) await sleep(100);
  return { saturation, argon2PerSecond, hashesInFlight };
}
