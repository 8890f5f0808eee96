import autocannon from 'autocannon';
import { performance } from 'node:perf_hooks';

export interface LoadOptions {
  baseUrl: string;
  method?: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  /** A new JSON body for every request (distinct addresses, distinct tokens). */
  body?: () => unknown;
  connections: number;
  /** How long to run; or `amount`: how many requests to send. */
  seconds?: number;
  amount?: number;
  /** Requests per second from all connections together; unset: as fast as the server answers. */
  rate?: number;
  /** The status every request must get; anything else fails the run. */
  expectStatus: number;
}

export interface LoadResult {
  /** Responses with the expected status per second of the run. */
  perSecond: number;
  answered: number;
  seconds: number;
  /** Latency percentiles in ms, from every response's own time. */
  p50: number;
  p95: number;
  p99: number;
  /** Every response's time, in ms, sorted. */
  latencies: number[];
}

/** The value below which `share` of the sorted samples fall (nearest rank). */
export function percentile(sorted: readonly number[], share: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))];
}

/**
 * Drives one endpoint with autocannon for a while and says how fast and how quickly it answered. Every
 * response is timed (autocannon's own histograms stop at p97.5 and p99 and round to the millisecond). A
 * response with another status than expected, or a connection error, fails the run: a figure built on
 * errors or on 429s would measure the wrong thing.
 */
export async function load(options: LoadOptions): Promise<LoadResult> {
  const { body } = options;
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (body) headers['content-type'] = 'application/json';
  const latencies: number[] = [];
  const unexpected = new Map<number, number>();
  const instance = autocannon({
    url: options.baseUrl,
    connections: options.connections,
    // autocannon reads a key that is present but undefined as a value: only the ones that are set.
    ...(options.amount === undefined ? { duration: options.seconds } : { amount: options.amount }),
    ...(options.rate === undefined ? {} : { overallRate: options.rate }),
    timeout: 30,
    requests: [
      {
        method: options.method ?? (body ? 'POST' : 'GET'),
        path: options.path,
        headers,
        ...(body ? { setupRequest: (request) => ({ ...request, body: JSON.stringify(body()) }) } : {}),
      },
    ],
  });
  // Timed here, from the start to the last response: autocannon ends a fixed amount on its next whole-second tick.
  let started = performance.now();
  let last = started;
  instance.on('start', () => (started = performance.now()));
  instance.on('response', (_client, status, _bytes, ms) => {
    last = performance.now();
    if (status === options.expectStatus) latencies.push(ms);
    else unexpected.set(status, (unexpected.get(status) ?? 0) + 1);
  });
  const result = await instance;
  const seconds = (last - started) / 1000;
  if (unexpected.size || result.errors) {
    const statuses = [...unexpected].map(([status, count]) => `${count} x ${status}`).join(', ');
    throw new Error(
      `${options.method ?? 'request'} ${options.path}: expected ${options.expectStatus} every time, got ${statuses || 'no other status'}` +
        `${result.errors ? ` and ${result.errors} connection error(s) (${result.timeouts} timeouts)` : ''}.`,
    );
  }
  if (!latencies.length) throw new Error(`${options.path}: no response.`);
  return summarize(latencies, seconds);
}

function summarize(latencies: number[], seconds: number): LoadResult {
  latencies.sort((a, b) => a - b);
  return {
    perSecond: latencies.length / seconds,
    answered: latencies.length,
    seconds,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    latencies,
  };
}

/** Several runs of one load taken as one: every response, over the time of all the runs. */
export function combine(runs: LoadResult[]): LoadResult {
  return summarize(
    runs.flatMap((run) => run.latencies),
    runs.reduce((seconds, run) => seconds + run.seconds, 0),
  );
}
