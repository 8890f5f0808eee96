import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * Preloaded into the API process the benchmark starts (`node --require dist/bench/event-loop-probe.js ...`),
 * so the benchmark can read that process's event-loop delay and memory over the IPC channel without a line of
 * benchmark code in Gatehouse itself. The delay is recorded in slices (the benchmark measures something else
 * between them): `start` begins one, `stop` ends it, `clear` forgets them all. Every request is answered
 * with the slices so far, the resident memory and the size of the libuv thread pool.
 */

export const PROBE_RESOLUTION_MS = 10;

export interface ProbeRequest {
  id: number;
  kind: 'start' | 'stop' | 'clear' | 'read';
}

/** One slice of recording, in ms: each timer interval is PROBE_RESOLUTION_MS plus however long the loop was blocked. */
export interface IntervalSlice {
  p50: number;
  p99: number;
  max: number;
  count: number;
}

export interface ProbeReading {
  id: number;
  slices: IntervalSlice[];
  rssBytes: number;
  /** UV_THREADPOOL_SIZE as the process saw it after starting (libuv's default, 4, when unset). */
  threadPoolSize: number;
}

function startProbe(): void {
  const histogram = monitorEventLoopDelay({ resolution: PROBE_RESOLUTION_MS });
  let recording = false;
  let slices: IntervalSlice[] = [];
  const ms = (nanoseconds: number) => nanoseconds / 1e6;
  const stop = () => {
    if (!recording) return;
    histogram.disable();
    recording = false;
    slices.push({
      p50: ms(histogram.percentile(50)),
      p99: ms(histogram.percentile(99)),
      max: ms(histogram.max),
      count: histogram.count,
    });
  };
  process.on('message', (message: ProbeRequest) => {
    if (message.kind === 'start' || message.kind === 'stop' || message.kind === 'clear') stop();
    if (message.kind === 'clear') slices = [];
    if (message.kind === 'start') {
      // reset() also forgets when the timer last fired: the time between slices is not a delay.
      histogram.reset();
      histogram.enable();
      recording = true;
    }
    const reading: ProbeReading = {
      id: message.id,
      slices,
      rssBytes: process.memoryUsage.rss(),
      threadPoolSize: Number(process.env.UV_THREADPOOL_SIZE) || 4,
    };
    process.send?.(reading);
  });
  // The channel must not keep the server alive once it has been told to stop.
  process.channel?.unref();
}

if (process.send) startProbe();
