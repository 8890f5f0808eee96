import { setTimeout as sleep } from 'node:timers/promises';
import type { ApiProcess, EventLoopDelay } from './api-process';
import { measureArgon2Baseline } from './argon2-baseline';
import { addCpu, measureCpu, NO_CPU, type CpuShares } from './cpu-meter';
import { combine, load, type LoadResult } from './load';

export interface SignUpSettings {
  /** Seconds of saturated sign-ups in all, and of argon2id alone in all. */
  seconds: number;
  /** How many slices the saturated run is cut into, each between two slices of argon2id alone. */
  rounds: number;
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
  /** Where the CPU went per sign-up in the saturated slices, and per hash in argon2id's. */
  cpu: SideBySideCpu;
}

export interface SideBySideCpu {
  /** CPU seconds in all during the saturated slices, and the sign-ups they answered. */
  saturated: CpuShares;
  signUps: number;
  /** CPU ms per hash of argon2id alone. */
  perHashAlone: number;
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
 * Saturated sign-ups against argon2id alone, in alternating slices (alone, API, alone, ..., API, alone), so a
 * machine that gets busier or quieter during the run moves both sides alike; `during` runs beside each API
 * slice. Returns both sides' totals.
 */
async function sideBySide(
  api: ApiProcess,
  settings: SignUpSettings,
  hashesInFlight: number,
  connections: number,
  during: (seconds: number) => Promise<unknown> = async () => undefined,
): Promise<{ saturation: LoadResult; argon2PerSecond: number; cpu: SideBySideCpu }> {
  const slice = settings.seconds / settings.rounds;
  const alone = { hashes: 0, seconds: 0, cpuSeconds: 0 };
  const aloneSlice = async () => {
    const run = await measureArgon2Baseline({ ...settings.argon2, concurrency: hashesInFlight, seconds: slice });
    alone.hashes += run.hashes;
    alone.seconds += run.seconds;
    alone.cpuSeconds += run.cpuSeconds;
  };
  const slices: LoadResult[] = [];
  let cpu = NO_CPU;
  await aloneSlice();
  for (let round = 0; round < settings.rounds; round += 1) {
    const measured = await measureCpu(api.pid, () =>
      Promise.all([signUps(api, { seconds: slice, connections }), during(slice)]),
    );
    slices.push(measured.result[0]);
    cpu = addCpu(cpu, measured.cpu);
    await aloneSlice();
  }
  const saturation = combine(slices);
  return {
    saturation,
    // argon2id alone ran once more than the API: its rate is over all its slices, before and after each API one.
    argon2PerSecond: alone.hashes / alone.seconds,
    cpu: {
      saturated: cpu,
      signUps: saturation.answered,
      perHashAlone: (alone.cpuSeconds * 1000) / alone.hashes,
    },
  };
}

/**
 * Sign-ups with new addresses through POST /api/registrations: first as fast as they are answered (with
 * enough connections to keep every thread of the API's pool hashing), side by side with argon2id alone (same
 * parameters, same number of hashes in flight); then at 80% of that rate for the latency. The API's event
 * loop is watched during the saturated slices, and /health/live asked during them.
 */
export async function benchSignUp(api: ApiProcess, settings: SignUpSettings): Promise<SignUpFigures> {
  const hashesInFlight = await api.threadPoolSize();
  const connections = Math.max(8, 4 * hashesInFlight);

  const healthIdle = await health(api, Math.min(settings.seconds / settings.rounds, 5));
  // Warm-up: JIT, the database pool's connections, the first pages of every table.
  await signUps(api, { seconds: Math.max(1, settings.seconds / 10), connections });

  const healthSlices: LoadResult[] = [];
  const { saturation, argon2PerSecond, cpu } = await sideBySide(
    api,
    settings,
    hashesInFlight,
    connections,
    async (seconds) => {
      await api.startEventLoopSlice();
      healthSlices.push(await health(api, seconds));
      await api.stopEventLoopSlice();
    },
  );
  const eventLoop = await api.eventLoopDelay();

  const rateAt80 = Math.max(1, Math.round(saturation.perSecond * 0.8));
  const at80 = await signUps(api, {
    seconds: settings.seconds / 2,
    connections: Math.min(connections, rateAt80),
    rate: rateAt80,
  });
  return {
    saturation,
    connections,
    argon2PerSecond,
    hashesInFlight,
    at80,
    rateAt80,
    eventLoop,
    healthIdle,
    healthUnderLoad: combine(healthSlices),
    cpu,
  };
}

export interface SignUpWithWorkerFigures {
  saturation: LoadResult;
  argon2PerSecond: number;
  hashesInFlight: number;
}

/**
 * The same saturated sign-up with the API's own outbox worker composing and sending every confirmation
 * email as it goes (Gatehouse's default: each API process runs a worker), side by side with argon2id alone.
 * Returns once the worker has caught up, so what follows is not measured against its backlog.
 */
export async function benchSignUpWithWorker(
  api: ApiProcess,
  settings: SignUpSettings & { sent: () => number },
): Promise<SignUpWithWorkerFigures> {
  const hashesInFlight = await api.threadPoolSize();
  const connections = Math.max(8, 4 * hashesInFlight);
  const madeBefore = made;
  await signUps(api, { seconds: Math.max(1, settings.seconds / 10), connections });
  const { saturation, argon2PerSecond } = await sideBySide(api, settings, hashesInFlight, connections);
  const deadline = Date.now() + 120_000;
  while (settings.sent() < made - madeBefore && Date.now() < deadline) await sleep(100);
  return { saturation, argon2PerSecond, hashesInFlight };
}
