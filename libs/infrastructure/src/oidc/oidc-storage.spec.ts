import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { dataSourceOptions, runMigrations } from '../persistence/data-source';
import { PostgresOidcAdapter } from './postgres.oidc-adapter';
import { PostgresSigningKeys, RETIRED_KEY_PUBLISHED_FOR_SECONDS } from './postgres.signing-keys';
import { SigningKeyCipher } from './signing-key.cipher';

const SECRET = 'a test secret that is long enough for the cipher';

describe('OpenID provider storage in PostgreSQL', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  /** A second connection pool stands for another instance (or the same one after a restart). */
  let other: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = new DataSource(dataSourceOptions(database.url, { poolSize: 2 }));
    await dataSource.initialize();
    await runMigrations(dataSource);
    other = new DataSource(dataSourceOptions(database.url, { poolSize: 2 }));
    await other.initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await other?.destroy();
    await database?.drop();
  });

  describe('PostgresOidcAdapter', () => {
    it('stores a payload that another instance finds, by id and by a session uid', async () => {
      const payload = { kind: 'Session', uid: 'uid-1', accountId: 'user-1', exp: 123, loginTs: 100 };
      await new PostgresOidcAdapter('Session', dataSource).upsert('session-1', payload, 3600);
      const elsewhere = new PostgresOidcAdapter('Session', other);
      await expect(elsewhere.find('session-1')).resolves.toEqual(payload);
      await expect(elsewhere.findByUid('uid-1')).resolves.toEqual(payload);
      await expect(new PostgresOidcAdapter('AccessToken', other).find('session-1')).resolves.toBeUndefined();
    });

    it('replaces a payload on upsert and forgets it on destroy', async () => {
      const adapter = new PostgresOidcAdapter('Interaction', dataSource);
      await adapter.upsert('interaction-1', { kind: 'Interaction', returnTo: '/a' }, 600);
      await adapter.upsert('interaction-1', { kind: 'Interaction', returnTo: '/b' }, 600);
      await expect(adapter.find('interaction-1')).resolves.toEqual({ kind: 'Interaction', returnTo: '/b' });
      await adapter.destroy('interaction-1');
      await expect(adapter.find('interaction-1')).resolves.toBeUndefined();
    });

    it('marks a code consumed, once, so the provider refuses it the second time', async () => {
      const adapter = new PostgresOidcAdapter('AuthorizationCode', dataSource);
      await adapter.upsert('code-1', { kind: 'AuthorizationCode', grantId: 'grant-c' }, 60);
      await adapter.consume('code-1');
      const first = await adapter.find('code-1');
      expect(first?.consumed).toEqual(expect.any(Number));
      await adapter.consume('code-1');
      await expect(adapter.find('code-1')).resolves.toEqual(first);
    });

    it('finds nothing past its expiry, and removeExpired deletes those rows only', async () => {
      const adapter = new PostgresOidcAdapter('AccessToken', dataSource);
      await adapter.upsert('expired', { kind: 'AccessToken' }, 0.001);
      await adapter.upsert('forever', { kind: 'AccessToken' }, undefined as unknown as number);
      await adapter.upsert('live', { kind: 'AccessToken' }, 3600);
      await new Promise((resolve) => setTimeout(resolve, 20));
      await expect(adapter.find('expired')).resolves.toBeUndefined();
      expect(await PostgresOidcAdapter.removeExpired(dataSource, 1)).toBeGreaterThanOrEqual(1);
      const rows = (await dataSource.query(`SELECT id FROM oidc_payloads WHERE model = 'AccessToken'`)) as Array<{
        id: string;
      }>;
      expect(rows.map((row) => row.id).sort()).toEqual(['forever', 'live']);
    });

    it('revokes every token of a grant, of any model, and no other grant', async () => {
      const tokens = new PostgresOidcAdapter('AccessToken', dataSource);
      const refresh = new PostgresOidcAdapter('RefreshToken', dataSource);
      await tokens.upsert('at-1', { kind: 'AccessToken', grantId: 'grant-1' }, 3600);
      await refresh.upsert('rt-1', { kind: 'RefreshToken', grantId: 'grant-1' }, 3600);
      await tokens.upsert('at-2', { kind: 'AccessToken', grantId: 'grant-2' }, 3600);
      await refresh.revokeByGrantId('grant-1');
      await expect(tokens.find('at-1')).resolves.toBeUndefined();
      await expect(refresh.find('rt-1')).resolves.toBeUndefined();
      await expect(tokens.find('at-2')).resolves.toEqual({ kind: 'AccessToken', grantId: 'grant-2' });
    });

    it('finds a device flow payload by its user code', async () => {
      const adapter = new PostgresOidcAdapter('DeviceCode', dataSource);
      await adapter.upsert('device-1', { kind: 'DeviceCode', userCode: 'ABCD-EFGH' }, 600);
      await expect(adapter.findByUserCode('ABCD-EFGH')).resolves.toEqual({ kind: 'DeviceCode', userCode: 'ABCD-EFGH' });
    });
  });

  describe('PostgresSigningKeys', () => {
    it('makes one key on the first start, encrypted, and every later start loads the same', async () => {
      const keys = new PostgresSigningKeys(dataSource, new SigningKeyCipher(SECRET));
      const [first, second] = await Promise.all([
        keys.loadOrCreate(),
        new PostgresSigningKeys(other, new SigningKeyCipher(SECRET)).loadOrCreate(),
      ]);
      expect(first).toHaveLength(1);
      expect(second).toEqual(first);
      expect(first[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', d: expect.any(String) });
      const [stored] = (await dataSource.query(`SELECT private_jwk FROM oidc_signing_keys`)) as Array<{
        private_jwk: Buffer;
      }>;
      expect(stored.private_jwk.toString('latin1')).not.toContain(first[0].d!);
      expect(() => new SigningKeyCipher('another secret that is long enough').decrypt(stored.private_jwk)).toThrow();
    });

    it('rotates: the new key comes first and signs, the old one stays published for a day', async () => {
      const keys = new PostgresSigningKeys(dataSource, new SigningKeyCipher(SECRET));
      const [before] = await keys.loadOrCreate();
      const kid = await keys.rotate();
      const after = await keys.loadOrCreate();
      expect(after.map((key) => key.kid)).toEqual([kid, before.kid]);
      const rows = (await dataSource.query(
        `SELECT kid, extract(epoch FROM retire_at - now()) AS seconds FROM oidc_signing_keys ORDER BY created_at`,
      )) as Array<{ kid: string; seconds: string | null }>;
      expect(rows[0].kid).toBe(before.kid);
      expect(Number(rows[0].seconds)).toBeCloseTo(RETIRED_KEY_PUBLISHED_FOR_SECONDS, -1);
      expect(rows[1]).toEqual({ kid, seconds: null });
      await dataSource.query(`UPDATE oidc_signing_keys SET retire_at = now() WHERE kid = $1`, [before.kid]);
      expect((await keys.loadOrCreate()).map((key) => key.kid)).toEqual([kid]);
    });
  });
});
