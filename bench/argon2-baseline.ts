import { argon2id, hash, type HashOptions } from 'argon2';
import { SALT_BYTES } from '@gatehouse/infrastructure/hashing/argon2.password-hasher';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';

/**
 * The ceiling for sign-ups: argon2id alone, with the API's parameters and as many hashes in flight as the
 * API's thread pool runs at once, in a bare Node process of its own whose thread pool has that size too.
 * Run by the benchmark as `node dist/bench/argon2-baseline.js <json>`; prints `{ "hashes": n, "seconds": s }`.
 */

export interface Argon2BaselineRequest {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
  /** Hashes in flight at once. */
  concurrency: number;
  seconds: number;
}

export interface Argon2BaselineRun {
  hashes: number;
  seconds: number;
  /** CPU seconds (user + system, every thread) the process spent while the clock ran. */
  cpuSeconds: number;
}

export async function measureArgon2Baseline(request: Argon2BaselineRequest): Promise<Argon2BaselineRun> {
  const { stdout } = await promisify(execFile)(process.execPath, [__filename, JSON.stringify(request)], {
    env: { PATH: process.env.PATH ?? '', UV_THREADPOOL_SIZE: String(request.concurrency) },
  });
  return JSON.parse(stdout) as Argon2BaselineRun;
}

async function hashFor(request: Argon2BaselineRequest): Promise<Argon2BaselineRun> {
  const options: HashOptions = {
    type: argon2id,
    memoryCost: request.memoryCost,
    timeCost: request.timeCost,
    parallelism: request.parallelism,
  };
  const lanes = Array.from({ length: request.concurrency }, (_, lane) => lane);
  // One hash per lane first, so every thread has started and allocated before the clock runs.
  await Promise.all(lanes.map((lane) => hash(`warm-up password ${lane}`, options)));
  let done = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const until = started + request.seconds * 1000;
  await Promise.all(
    lanes.map(async (lane) => {
      while (performance.now() < until) {
        // Salted as the API salts (a synchronous 16 bytes), so both sides run exactly the same argon2 work.
        await hash(`baseline password ${lane} ${done}`, { ...options, salt: randomBytes(SALT_BYTES) });
        done += 1;
      }
    }),
  );
  const cpu = process.cpuUsage(cpuBefore);
  return { hashes: done, seconds: (performance.now() - started) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

if (require.main === module) {
  const request = JSON.parse(process.argv[2] ?? '{}') as Argon2BaselineRequest;
  hashFor(request).then(
    (run) => console.log(JSON.stringify(run)),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
