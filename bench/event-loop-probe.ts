import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * Preloaded into the API process the benchmark starts (`node --require dist/bench/event-loop-probe.js ...`),
 * so the benchmark can read that process's event-loop delay and memory over the IPC channel without a line of
 * benchmark code in Gatehouse itself. `reset` empties the histogram and starts recording, `pause` and `resume`
 * stop and restart recording (while the benchmark measures something else), and every request is answered
 * with the histogram so far (milliseconds), the resident memory and the size of the libuv thread pool.
 */

export const PROBE_RESOLUTION_MS = 10;

export interface ProbeRequest {
  id: number;
  kind: 'reset' | 'pause' | 'resume' | 'read';
}

export interface ProbeReading {
  id: number;
  /** Timer intervals in ms: each is PROBE_RESOLUTION_MS plus however long the loop was blocked. */
  intervals: { p50: number; p99: number; max: number; count: number };
  rssBytes: number;
  /** UV_THREADPOOL_SIZE as the process saw it after starting (libuv's default, 4, when unset). */
  threadPoolSize: number;
}

function startProbe(): void {
  const histogram = monitorEventLoopDelay({ resolution: PROBE_RESOLUTION_MS });
  histogram.enable();
  const ms = (nanoseconds: number) => nanoseconds / 1e6;
  process.on('message', (message: ProbeRequest) => {
    if (message?.kind === 'reset') histogram.reset();
    if (message?.kind === 'pause') histogram.disable();
    if (message?.kind === 'reset' || message?.kind === 'resume') histogram.enable();
    const reading: ProbeReading = {
      id: message.id,
      intervals: {
        p50: ms(histogram.percentile(50)),
        p99: ms(histogram.percentile(99)),
        max: ms(histogram.max),
        count: histogram.count,
      },
      rssBytes: process.memoryUsage.rss(),
      threadPoolSize: Number(process.env.UV_THREADPOOL_SIZE) || 4,
    };
    process.send?.(reading);
  });
  // The channel must not keep the server alive once it has been told to stop.
  process.channel?.unref();
}

if (process.send) startProbe();
