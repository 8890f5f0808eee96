import { randomBytes } from 'node:crypto';
import { Client, Pool } from 'pg';

export const TEST_SERVER_URL_VARIABLE = 'GATEHOUSE_TEST_SERVER_URL';

/** The PostgreSQL server the test run uses: TEST_DATABASE_URL, or the embedded one the global setup started. */
export function testServerUrl(): string {
  const url = process.env[TEST_SERVER_URL_VARIABLE] ?? process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('No test PostgreSQL: run the tests through jest, whose global setup provides one.');
  return url;
}

export interface TestDatabase {
  url: string;
  name: string;
  /**
   * A pool on this database for the test's own checks. Dropping the database ends any connection still open
   * (DROP DATABASE ... WITH (FORCE)); such a connection's error is expected then, any other is not.
   */
  pool(options?: { max?: number }): Pool;
  drop(): Promise<void>;
}

/** PostgreSQL's "terminating connection due to administrator command", as a forced drop ends a connection. */
const TERMINATED_BY_DROP = '57P01';

/** A database of its own for one test file, so files never see each other's rows. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const server = new URL(testServerUrl());
  const name = `gatehouse_test_${randomBytes(6).toString('hex')}`;
  await withClient(server.toString(), (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(server.toString());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    pool: (options = {}) => {
      const pool = new Pool({ connectionString: url.toString(), max: options.max ?? 2 });
      pool.on('error', (error: Error & { code?: string }) => {
        if (error.code !== TERMINATED_BY_DROP) throw error;
      });
      return pool;
    },
    drop: async () => {
      await withClient(server.toString(), (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** Runs `work` on a connection of its own, closed afterwards. */
export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
