import { freePort } from '@gatehouse/infrastructure/local/free-port';
import { withClient } from '@gatehouse/infrastructure/testing/test-database';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '@gatehouse/infrastructure/local/embedded-postgres';
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface BenchPostgres {
  /** Where it runs: "TEST_DATABASE_URL" or "embedded". */
  origin: string;
  serverVersion: string;
  /** A new empty database of the benchmark's own (`gatehouse_bench_<hex>`), dropped by close(). */
  createDatabase(): Promise<string>;
  /** Drops the databases and, if the benchmark started the server, stops it. */
  close(): Promise<void>;
}

/**
 * The server from `serverUrl` when given (the machine's PostgreSQL), otherwise an embedded one in a
 * temporary directory. Either way the benchmark works only in databases it creates and drops.
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
  const maintenanceUrl = serverUrl;
  const stopEmbedded = async () => {
    if (!embedded) return;
    await embedded.handle.stop();
    await rm(embedded.parent, { recursive: true, force: true });
  };
  let serverVersion: string;
  try {
    serverVersion = await withClient(
      maintenanceUrl,
      async (client) => (await client.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version,
    );
  } catch (error) {
    await stopEmbedded();
    throw error;
  }
  const created: string[] = [];
  return {
    origin: embedded ? 'embedded' : 'TEST_DATABASE_URL',
    serverVersion,
    async createDatabase() {
      const name = `gatehouse_bench_${randomBytes(6).toString('hex')}`;
      await withClient(maintenanceUrl, (client) => client.query(`CREATE DATABASE ${name}`));
      created.push(name);
      const url = new URL(maintenanceUrl);
      url.pathname = `/${name}`;
      return url.toString();
    },
    async close() {
      try {
        await withClient(maintenanceUrl, async (client) => {
          for (const name of created) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        });
      } finally {
        await stopEmbedded();
      }
    },
  };
}
