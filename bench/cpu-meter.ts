import { readdirSync, readFileSync } from 'node:fs';

// /proc/<pid>/stat counts in clock ticks; Linux reports them at 100 a second to user space.
const TICKS_PER_SECOND = 100;

/** User + system CPU seconds so far of a process (every thread) or of one thread, or 0 once it is gone. */
function processSeconds(pid: number, statPath = `/proc/${pid}/stat`): number {
  try {
    const stat = readFileSync(statPath, 'utf8');
    // The command name may hold spaces and parentheses: the fields after it start after its last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** Every process whose command is `postgres` (the server and all its backends), read from /proc. */
function postgresPids(): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres';
      } catch {
        return false;
      }
    });
}

export interface CpuShares {
  /** CPU seconds of the process under test (the API, or a baseline process), every thread. */
  server: number;
  /** Of which its main thread: the event loop (the rest is libuv's thread pool and V8's helpers). */
  serverMain: number;
  /** CPU seconds of this benchmark process: the load generator, or the bare client. */
  driver: number;
  /** CPU seconds of every PostgreSQL process on the machine. */
  postgres: number;
}

/**
 * Where the CPU went while some work ran: the process under test, this process, and PostgreSQL. Linux only
 * (it reads /proc); elsewhere every share reads 0.
 */
export async function measureCpu<T>(
  serverPid: number | undefined,
  work: () => Promise<T>,
): Promise<{ result: T; cpu: CpuShares }> {
  const read = () => ({
    server: serverPid === undefined ? 0 : processSeconds(serverPid),
    serverMain: serverPid === undefined ? 0 : processSeconds(serverPid, `/proc/${serverPid}/task/${serverPid}/stat`),
    driver: processSeconds(process.pid),
    postgres: new Map(postgresPids().map((pid) => [pid, processSeconds(pid)])),
  });
  const before = read();
  const result = await work();
  const after = read();
  // Per backend: one that ended meanwhile (a pool closing an idle connection) takes its CPU time with it, so it
  // is left out rather than counted as negative; one that started meanwhile counts whole.
  let postgres = 0;
  for (const [pid, seconds] of after.postgres) postgres += seconds - (before.postgres.get(pid) ?? 0);
  return {
    result,
    cpu: {
      server: after.server - before.server,
      serverMain: after.serverMain - before.serverMain,
      driver: after.driver - before.driver,
      postgres,
    },
  };
}

export function addCpu(a: CpuShares, b: CpuShares): CpuShares {
  return {
    server: a.server + b.server,
    serverMain: a.serverMain + b.serverMain,
    driver: a.driver + b.driver,
    postgres: a.postgres + b.postgres,
  };
}

export const NO_CPU: CpuShares = { server: 0, serverMain: 0, driver: 0, postgres: 0 };

/** "API 1.20 ms (event loop 1.10 ms), load generator 0.31 ms, PostgreSQL 1.05 ms" per unit of work. */
export function describeCpuPer(cpu: CpuShares, units: number, names: { server: string; driver: string }): string {
  const per = (seconds: number) => `${((seconds * 1000) / units).toFixed(2)} ms`;
  return (
    `${names.server} ${per(cpu.server)} (event loop ${per(cpu.serverMain)}), ${names.driver} ${per(cpu.driver)}, ` +
    `PostgreSQL ${per(cpu.postgres)}`
  );
}
