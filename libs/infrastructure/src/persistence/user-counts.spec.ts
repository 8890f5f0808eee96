import { createTestDatabase, type TestDatabase } from '@gatehouse/infrastructure/testing/test-database';
import { type Pool } from 'pg';
import { createDataSource, runMigrations } from './data-source';

// user_counts (migration CountUsersByStatus) must always say what count(*) says, whatever writes the users.
describe('user_counts, kept by triggers on users', () => {
  let database: TestDatabase;
  let pool: Pool;

  beforeAll(async () => {
    database = await createTestDatabase();
    const dataSource = createDataSource(database.url);
    await dataSource.initialize();
    await runMigrations(dataSource);
    await dataSource.destroy();
    pool = database.pool({ max: 4 });
  });

  afterAll(async () => {
    await pool.end();
    await database.drop();
  });

  async function kept(): Promise<Record<string, number>> {
    const { rows } = await pool.query<{ status: string; users: number }>(
      `SELECT status, sum(users)::int AS users FROM user_counts GROUP BY status HAVING sum(users) <> 0`,
    );
    return Object.fromEntries(rows.map((row) => [row.status, row.users]));
  }

  async function counted(): Promise<Record<string, number>> {
    const { rows } = await pool.query<{ status: string; users: number }>(
      `SELECT status, count(*)::int AS users FROM users GROUP BY status`,
    );
    return Object.fromEntries(rows.map((row) => [row.status, row.users]));
  }

  const insert = (from: number, to: number, status = 'pending') =>
    pool.query(
      `INSERT INTO users (id, email, email_normalized, password_hash, status, locale, created_at, updated_at)
       SELECT md5('counted-' || n)::uuid, 'u' || n || '@example.com', 'u' || n || '@example.com', 'h', $3, 'en', now(), now()
         FROM generate_series($1::int, $2::int) AS n`,
      [from, to, status],
    );

  it('counts one insert and a bulk insert', async () => {
    await insert(1, 1);
    await insert(2, 1000, 'active');
    expect(await kept()).toEqual({ pending: 1, active: 999 });
    expect(await kept()).toEqual(await counted());
  });

  it('moves a user between statuses only when the status changes', async () => {
    await pool.query(`UPDATE users SET status = 'active', confirmed_at = now() WHERE email = 'u1@example.com'`);
    await pool.query(`UPDATE users SET status = status, updated_at = now()`);
    await pool.query(`UPDATE users SET status = 'disabled' WHERE email LIKE 'u1__@example.com'`);
    expect(await kept()).toEqual({ active: 900, disabled: 100 });
    expect(await kept()).toEqual(await counted());
  });

  it('forgets deleted users and rolled-back writes', async () => {
    await pool.query(`DELETE FROM users WHERE email LIKE 'u2__@example.com'`);
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`DELETE FROM users`);
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    expect(await kept()).toEqual({ active: 800, disabled: 100 });
    expect(await kept()).toEqual(await counted());
  });

  it('stays exact under concurrent transactions', async () => {
    await Promise.all(
      Array.from({ length: 8 }, async (_, worker) => {
        const client = await pool.connect();
        try {
          for (let round = 0; round < 10; round += 1) {
            const n = 10_000 + worker * 100 + round;
            await client.query('BEGIN');
            await client.query(
              `INSERT INTO users (id, email, email_normalized, password_hash, status, locale, created_at, updated_at)
               VALUES (md5('counted-' || $1)::uuid, 'c' || $1 || '@example.com', 'c' || $1 || '@example.com', 'h', 'pending', 'en', now(), now())`,
              [n],
            );
            if (round % 2) {
              await client.query(`UPDATE users SET status = 'active' WHERE id = md5('counted-' || $1)::uuid`, [n]);
            }
            await client.query('COMMIT');
          }
        } finally {
          client.release();
        }
      }),
    );
    expect(await kept()).toEqual({ pending: 40, active: 840, disabled: 100 });
    expect(await kept()).toEqual(await counted());
  });

  it('starts again from nothing after TRUNCATE', async () => {
    await pool.query(`TRUNCATE users CASCADE`);
    expect(await kept()).toEqual({});
    await insert(1, 3);
    expect(await kept()).toEqual({ pending: 3 });
  });
});
