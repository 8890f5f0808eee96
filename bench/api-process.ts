import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { PROBE_RESOLUTION_MS, type ProbeReading, type ProbeRequest } from './event-loop-probe';

const ROOT = path.resolve(__dirname, '../..');
const MAIN = path.join(ROOT, 'dist/apps/api/src/main.js');
const PROBE = path.join(__dirname, 'event-loop-probe.js');
const PASSED_ON = ['PATH', 'HOME', 'TMPDIR'];

export interface EventLoopDelay {
  /** Delay in ms beyond the probe's own timer interval. */
  p50: number;
  p99: number;
  max: number;
  samples: number;
}

/**
 * `node dist/apps/api/src/main.js` as a person starts it, in a process of its own: the load generator then
 * never competes with the server for its event loop, and main.ts runs exactly as shipped (it sizes the
 * libuv thread pool before anything else). The probe preloaded beside it reports the event-loop delay and
 * resident memory over IPC. Output goes to a log file, as it would to a log collector.
 */
export class ApiProcess {
  private readonly exited: Promise<number | null>;
  private nextId = 1;
  private readonly waiting = new Map<number, (reading: ProbeReading) => void>();

  private constructor(
    private readonly child: ChildProcess,
    readonly baseUrl: string,
    private readonly logFile: string,
    readonly startedAt: number,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    child.on('message', (reading: ProbeReading) => {
      this.waiting.get(reading.id)?.(reading);
      this.waiting.delete(reading.id);
    });
  }

  /**
   * Starts the server with exactly `env` (plus PATH, HOME, TMPDIR and any UV_* the person set for the run)
   * and the port given, logging to `logFile`.
   */
  static start(options: { env: Record<string, string>; port: number; logFile: string }): ApiProcess {
    const inherited = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => PASSED_ON.includes(name) || name.startsWith('UV_')),
    ) as Record<string, string>;
    const log = openSync(options.logFile, 'a');
    try {
      const startedAt = performance.now();
      // BENCH_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the API as it runs the benchmark.
      const nodeArgs = process.env.BENCH_API_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? [];
      const child = spawn(process.execPath, [...nodeArgs, '--require', PROBE, MAIN], {
        cwd: ROOT,
        env: { ...inherited, ...options.env, HOST: '127.0.0.1', PORT: String(options.port) },
        stdio: ['ignore', log, log, 'ipc'],
      });
      return new ApiProcess(child, `http://127.0.0.1:${options.port}`, options.logFile, startedAt);
    } finally {
      closeSync(log);
    }
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Waits until GET /health/ready answers 200 and says how many ms that took since the spawn. */
  async ready(timeoutMs = 120_000): Promise<number> {
    const deadline = this.startedAt + timeoutMs;
    for (;;) {
      if (this.child.exitCode !== null) {
        throw new Error(`The API process exited with ${this.child.exitCode} before it was ready:\n${this.logTail()}`);
      }
      const status = await fetch(`${this.baseUrl}/health/ready`).then(
        (response) => response.status,
        () => 0,
      );
      if (status === 200) return performance.now() - this.startedAt;
      if (performance.now() > deadline)
        throw new Error(`The API was not ready within ${timeoutMs} ms:\n${this.logTail()}`);
      await sleep(10);
    }
  }

  /** Starts a slice of event-loop recording in the server. */
  async startEventLoopSlice(): Promise<void> {
    await this.ask('start');
  }

  async stopEventLoopSlice(): Promise<void> {
    await this.ask('stop');
  }

  /**
   * The event-loop delay over the slices recorded since the last call: the worst slice's p99 and max, the
   * median slice's p50.
   */
  async eventLoopDelay(): Promise<EventLoopDelay> {
    const { slices } = await this.ask('read');
    await this.ask('clear');
    const delay = (interval: number) => Math.max(0, interval - PROBE_RESOLUTION_MS);
    const p50s = slices.map((slice) => slice.p50).sort((a, b) => a - b);
    return {
      p50: delay(p50s[Math.floor(p50s.length / 2)] ?? Number.NaN),
      p99: delay(Math.max(...slices.map((slice) => slice.p99))),
      max: delay(Math.max(...slices.map((slice) => slice.max))),
      samples: slices.reduce((count, slice) => count + slice.count, 0),
    };
  }

  async rssBytes(): Promise<number> {
    return (await this.ask('read')).rssBytes;
  }

  async threadPoolSize(): Promise<number> {
    return (await this.ask('read')).threadPoolSize;
  }

  /** SIGTERM, as a service manager stops it; SIGKILL if it has not exited within `graceMs`. */
  async stop(graceMs = 30_000): Promise<number | null> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return this.child.exitCode;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    try {
      return await this.exited;
    } finally {
      clearTimeout(timer);
    }
  }

  logTail(lines = 30): string {
    try {
      return readFileSync(this.logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '(no log)';
    }
  }

  private ask(kind: ProbeRequest['kind']): Promise<ProbeReading> {
    const id = this.nextId++;
    return new Promise<ProbeReading>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error(`The API process did not answer the probe (${kind}).`));
      }, 10_000);
      this.waiting.set(id, (reading) => {
        clearTimeout(timer);
        resolve(reading);
      });
      this.child.send({ id, kind } satisfies ProbeRequest);
    });
  }
}
