import { startEmbeddedPostgres } from '@gatehouse/infrastructure/local/embedded-postgres';
import { freePort } from '@gatehouse/infrastructure/local/free-port';
import { execFile } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { ApiProcess } from './api-process';

export interface StartUpFigures {
  /** ms from spawn until GET /health/ready is 200, with an empty DATA_DIR (initdb, migrations, secret). */
  firstStartMs: number;
  /** The same on the data directory the first start left. */
  secondStartMs: number;
  /** The embedded PostgreSQL alone: initdb and start in an empty directory, then a start on it again. */
  postgresFirstMs: number;
  postgresSecondMs: number;
  /** Resident memory of the API process, idle after its second start. */
  idleRssBytes: number;
  /** A bare `node` process, for scale. */
  bareNodeRssBytes: number;
}

async function timePostgresAlone(dataDir: string): Promise<number> {
  const started = performance.now();
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: true });
  const ms = performance.now() - started;
  await server.stop();
  return ms;
}

async function bareNodeRss(): Promise<number> {
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', 'console.log(process.memoryUsage.rss())']);
  return Number(stdout.trim());
}

/**
 * `npm start` with nothing configured, as a newcomer runs it: the built server, no DATABASE_URL, SMTP_URL or
 * APP_SECRET, an empty DATA_DIR. Timed from the spawn to the first 200 from /health/ready, then again on the
 * data the first start left; beside each, the embedded PostgreSQL starting alone in the same way.
 */
export async function benchStartUp(settings: { idleSeconds: number; logDir: string }): Promise<StartUpFigures> {
  const parent = await mkdtemp(path.join(tmpdir(), 'gatehouse-bench-start-'));
  // As root the embedded server runs as the postgres user, who must be able to reach the data directory.
  await chmod(parent, 0o755);
  try {
    const env = {
      DATA_DIR: path.join(parent, 'data'),
      EMBEDDED_POSTGRES_PORT: String(await freePort()),
      DEV_INBOX_SMTP_PORT: String(await freePort()),
    };
    const start = async () => {
      const api = ApiProcess.start({
        env,
        port: await freePort(),
        logFile: path.join(settings.logDir, 'start-up.log'),
      });
      try {
        return { api, ms: await api.ready() };
      } catch (error) {
        await api.stop();
        throw error;
      }
    };
    const first = await start();
    await first.api.stop();
    const second = await start();
    let idleRssBytes: number;
    try {
      await sleep(settings.idleSeconds * 1000);
      idleRssBytes = await second.api.rssBytes();
    } finally {
      await second.api.stop();
    }
    const alone = path.join(parent, 'postgres-alone');
    const postgresFirstMs = await timePostgresAlone(alone);
    const postgresSecondMs = await timePostgresAlone(alone);
    return {
      firstStartMs: first.ms,
      secondStartMs: second.ms,
      postgresFirstMs,
      postgresSecondMs,
      idleRssBytes,
      bareNodeRssBytes: await bareNodeRss(),
    };
  } finally {
    await rm(parent, { recursive: true, force: true });
  }
}
