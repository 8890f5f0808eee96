import { Email } from '@gatehouse/domain/users/email.value-object';
import { createTestDatabase, type TestDatabase } from '@gatehouse/infrastructure/testing/test-database';
import { type Pool } from 'pg';
import { DataSource } from 'typeorm';
import { KeyAddressesByAsciiDomain1764686400000 } from '../../../../migrations/1764686400000-key-addresses-by-ascii-domain';
import { MIGRATIONS, runMigrations } from './data-source';

const migrate = async (url: string, migrations: typeof MIGRATIONS) => {
  const dataSource = new DataSource({ type: 'postgres', url, migrations, migrationsTableName: 'migrations' });
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
};

// Keys stored before addresses were keyed by their domain's ASCII form: lowercased, the domain in Unicode.
describe('migration KeyAddressesByAsciiDomain: stored keys move to the ASCII form of their domain', () => {
  let database: TestDatabase;
  let pool: Pool;
  let warnings: string[];

  const addUser = (id: string, email: string, key: string, minutesAgo: number) =>
    pool.query(
      `INSERT INTO users (id, email, email_normalized, password_hash, status, locale, created_at, updated_at)
       VALUES ($1, $2, $3, 'h', 'pending', 'en', now() - make_interval(mins => $4), now())`,
      [id, email, key, minutesAgo],
    );
  const addToken = (id: string, userId: string, key: string) =>
    pool.query(
      `INSERT INTO confirmation_tokens (id, user_id, email_normalized, purpose, digest, issued_at, expires_at)
       VALUES ($1, $2, $3, 'email_confirmation', $4, now(), now() + interval '1 day')`,
      [id, userId, key, `digest-${id}`],
    );
  const addEmail = (userId: string, channel: string, recipient: string, key: string) =>
    pool.query(
      `INSERT INTO email_outbox (id, channel, user_id, template, locale, recipient, recipient_normalized, state,
          attempts, next_attempt_at, message_id, created_at)
       VALUES (gen_random_uuid(), $1, $2, 'confirmation', 'en', $3, $4, 'sent', 1, now(), gen_random_uuid()::text, now())`,
      [channel, userId, recipient, key],
    );
  const keyOf = async (table: string, id: string) =>
    (await pool.query(`SELECT email_normalized FROM ${table} WHERE id = $1`, [id])).rows[0]?.email_normalized;

  const ids = {
    older: '00000000-0000-4000-8000-000000000001',
    ascii: '00000000-0000-4000-8000-000000000002',
    shouting: '00000000-0000-4000-8000-000000000003',
    fullWidth: '00000000-0000-4000-8000-000000000004',
    sameLater: '00000000-0000-4000-8000-000000000005',
    plain: '00000000-0000-4000-8000-000000000006',
    staff: '00000000-0000-4000-8000-000000000007',
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    const before = MIGRATIONS.filter((migration) => migration !== KeyAddressesByAsciiDomain1764686400000);
    await migrate(database.url, before);
    pool = database.pool({ max: 2 });

    // One mailbox stored twice: the Unicode spelling first, the ASCII one later (it holds the new key already).
    await addUser(ids.older, 'x@bücher.example', 'x@bücher.example', 30);
    await addUser(ids.ascii, 'x@xn--bcher-kva.example', 'x@xn--bcher-kva.example', 20);
    await addUser(ids.shouting, 'Y@BÜCHER.example', 'y@bücher.example', 10);
    await addToken('10000000-0000-4000-8000-000000000003', ids.shouting, 'y@bücher.example');
    // Two Unicode spellings of one mailbox that only IDNA's mapping tells apart: the older one moves.
    await addUser(ids.fullWidth, 'z@ｂücher.example', 'z@ｂücher.example', 9);
    await addUser(ids.sameLater, 'z@bücher.example', 'z@bücher.example', 8);
    await addUser(ids.plain, 'Plain@Example.com', 'plain@example.com', 7);
    await addEmail(ids.older, 'email', 'x@bücher.example', 'x@bücher.example');
    await addEmail(ids.shouting, 'email', 'Y@BÜCHER.example', 'y@bücher.example');
    await addEmail(ids.shouting, 'webhook', 'https://hooks.bücher.example/in', '');
    await pool.query(
      `INSERT INTO staff_members (id, email, email_normalized, password_hash, role, created_at, updated_at)
       VALUES ($1, 'Admin@Bücher.example', 'admin@bücher.example', 'h', 'admin', now(), now())`,
      [ids.staff],
    );
    await pool.query(
      `INSERT INTO staff_sign_in_failures (email_normalized, failures, window_started_at)
       VALUES ('admin@bücher.example', 2, now()), ('plain@example.com', 1, now())`,
    );

    warnings = [];
    const warn = jest.spyOn(console, 'warn').mockImplementation((line: string) => void warnings.push(line));
    try {
      await migrate(database.url, MIGRATIONS);
    } finally {
      warn.mockRestore();
    }
  });

  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  it("gives each account the key Email gives its address now, and moves its links' keys with it", async () => {
    expect(await keyOf('users', ids.shouting)).toBe(Email.parse('Y@BÜCHER.example').normalized);
    expect(await keyOf('users', ids.shouting)).toBe('y@xn--bcher-kva.example');
    expect(await keyOf('confirmation_tokens', '10000000-0000-4000-8000-000000000003')).toBe('y@xn--bcher-kva.example');
    expect(await keyOf('users', ids.fullWidth)).toBe(Email.parse('z@ｂücher.example').normalized);
    expect(await keyOf('users', ids.plain)).toBe('plain@example.com');
    expect(await keyOf('staff_members', ids.staff)).toBe('admin@xn--bcher-kva.example');
  });

  it('leaves an account whose new key another account holds as it was, and names it', async () => {
    expect(await keyOf('users', ids.ascii)).toBe('x@xn--bcher-kva.example');
    expect(await keyOf('users', ids.older)).toBe('x@bücher.example');
    expect(await keyOf('users', ids.sameLater)).toBe('z@bücher.example');
    expect(warnings).toEqual([
      expect.stringContaining(`user ${ids.older} (x@bücher.example) keeps its old key`),
      expect.stringContaining(`user ${ids.sameLater} (z@bücher.example) keeps its old key`),
    ]);
  });

  it('moves every email to the mailbox it went to, whatever happened to its account, and no webhook', async () => {
    const { rows } = await pool.query(
      `SELECT channel, recipient_normalized AS key FROM email_outbox ORDER BY channel, recipient_normalized`,
    );
    expect(rows).toEqual([
      { channel: 'email', key: 'x@xn--bcher-kva.example' },
      { channel: 'email', key: 'y@xn--bcher-kva.example' },
      { channel: 'webhook', key: '' },
    ]);
  });

  it('moves the failed sign-in counters', async () => {
    const { rows } = await pool.query(
      `SELECT email_normalized, failures FROM staff_sign_in_failures ORDER BY email_normalized`,
    );
    expect(rows).toEqual([
      { email_normalized: 'admin@xn--bcher-kva.example', failures: 2 },
      { email_normalized: 'plain@example.com', failures: 1 },
    ]);
  });
});
