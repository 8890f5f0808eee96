import { freePort } from '@gatehouse/infrastructure/local/free-port';
import { withClient } from '@gatehouse/infrastructure/testing/test-database';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '@gatehouse/infrastructure/local/embedded-postgres';
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface BenchPostgres {
  /** A database of the benchmark's own, empty. */
  url: string;
  /** Where it runs: "TEST_DATABASE_URL" or "embedded". */
  origin: string;
  serverVersion: string;
  /** Drops the database and, if the benchmark started the server, stops it. */
  close(): Promise<void>;
}

/**
 * The server from `serverUrl` when given (the machine's PostgreSQL), otherwise an embedded one in a
 * temporary directory. Either way the benchmark works in a database it creates and drops.
 */
export async function openBenchPostgres(serverUrl: string | undefined): Promise<BenchPostgres> {
  let embedded: { handle: EmbeddedPostgresHandle; parent: string } | undefined;
  if (!serverUrl) {
    const parent = await mkdtemp(path.join(tmpdir(), 'gatehouse-bench-'));
    // As root the server runs as the postgres user, who must be able to reach the data directory.
    await chmod(parent, 0o755);
    const handle = await startEmbeddedPostgres({
      dataDir: path.join(parent, 'pg'),
      port: await freePort(),
      persistent: false,
    });
    embedded = { handle, parent };
    serverUrl = handle.serverUrl;
  }
  const name = `gatehouse_bench_${randomBytes(6).toString('hex')}`;
  const stopEmbedded = async () => {
    if (!embedded) return;
    await embedded.handle.stop();
    await rm(embedded.parent, { recursive: true, force: true });
  };
  let serverVersion: string;
  try {
    serverVersion = await withClient(serverUrl, async (client) => {
      await client.query(`CREATE DATABASE ${name}`);
      return (await client.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version;
    });
  } catch (error) {
    await stopEmbedded();
    throw error;
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const maintenanceUrl = serverUrl;
  return {
    url: url.toString(),
    origin: embedded ? 'embedded' : 'TEST_DATABASE_URL',
    serverVersion,
    close: async () => {
      try {
        await withClient(maintenanceUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      } finally {
        await stopEmbedded();
      }
    },
  };
}
