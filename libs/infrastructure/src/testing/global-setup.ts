import { execFileSync } from 'node:child_process';
import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../local/free-port';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../local/embedded-postgres';
import { TEST_SERVER_URL_VARIABLE } from './test-database';

declare global {
  var gatehouseTestPostgres: EmbeddedPostgresHandle | undefined;
}

/** One PostgreSQL for the whole run: the machine's through TEST_DATABASE_URL, or an embedded one in a temp dir. */
export default async function globalSetup(): Promise<void> {
  // Tests that start Gatehouse as its own process (npm start, several workers) run the built files.
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: path.resolve(__dirname, '../../../..'), stdio: 'pipe' });
  if (process.env.TEST_DATABASE_URL) {
    process.env[TEST_SERVER_URL_VARIABLE] = process.env.TEST_DATABASE_URL;
    return;
  }
  const parent = await mkdtemp(path.join(tmpdir(), 'gatehouse-test-'));
  // As root the server runs as the postgres user, who must be able to reach the data directory.
  await chmod(parent, 0o755);
  const dataDir = path.join(parent, 'pg');
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false });
  globalThis.gatehouseTestPostgres = server;
  process.env[TEST_SERVER_URL_VARIABLE] = server.serverUrl;
}
