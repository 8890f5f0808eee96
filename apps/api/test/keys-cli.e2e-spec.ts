import { createTestDatabase, withClient, type TestDatabase } from '@gatehouse/infrastructure/testing/test-database';
import { runBuiltCli } from './support/built-cli';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

/** Runs the built `npm run keys` program as an operator would. */
const keys = (args: string[]) => runBuiltCli('keys', args, database.url);

const keyRows = () =>
  withClient(database.url, (client) =>
    client.query<{ kid: string; retired: boolean }>(
      `SELECT kid, retire_at IS NOT NULL AS retired FROM oidc_signing_keys ORDER BY created_at`,
    ),
  );

describe('npm run keys -- rotate', () => {
  it('adds a signing key, encrypted, and keeps the one it replaces for verifying', async () => {
    const first = await keys(['rotate']);
    expect(first).toMatchObject({ code: 0 });
    const second = await keys(['rotate']);
    expect(second).toMatchObject({ code: 0 });
    const kid = /Added signing key ([0-9a-f-]{36})/.exec(second.stdout)?.[1];
    const rows = (await keyRows()).rows;
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual({ kid, retired: false });
    expect(rows[0].retired).toBe(true);
    const stored = await withClient(database.url, (client) =>
      client.query<{ text: string }>(`SELECT encode(private_jwk, 'escape') AS text FROM oidc_signing_keys`),
    );
    for (const row of stored.rows) expect(row.text).not.toContain('"kty"');
  });

  it('says how to use it, and what is wrong', async () => {
    const help = await keys(['--help']);
    expect(help.code).toBe(0);
    expect(help.stderr).toContain('npm run keys -- rotate');
    const unknown = await keys(['spin']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Say what to do: rotate.');
  });
});
