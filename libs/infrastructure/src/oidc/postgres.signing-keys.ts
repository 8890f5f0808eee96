import { generateKeyPairSync, randomUUID, type JsonWebKey } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import {
  ADD_SIGNING_KEY,
  LIVE_SIGNING_KEYS,
  LOCK_SIGNING_KEYS,
  RETIRE_OLDER_SIGNING_KEYS,
  type LiveSigningKeyRow,
} from '../persistence/oidc-signing-key.record';
import type { SigningKeyCipher } from './signing-key.cipher';

/** A private signing key as oidc-provider's `jwks` takes it. */
export type SigningJwk = JsonWebKey & { kid: string; alg: 'RS256'; use: 'sig' };

/**
 * How long a replaced key stays published: longer than any token it signed lives (ID tokens: 1 hour), so a
 * product verifying one a little late still finds the key.
 */
export const RETIRED_KEY_PUBLISHED_FOR_SECONDS = 24 * 60 * 60;

/**
 * The OpenID provider's signing keys in PostgreSQL (oidc_signing_keys), encrypted under APP_SECRET: made on the
 * first start, loaded at every start, rotated on request. RS256, which every OpenID Connect library verifies.
 */
export class PostgresSigningKeys {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: SigningKeyCipher,
  ) {}

  /** The published keys, newest (the one that signs) first; the first start makes one. */
  async loadOrCreate(): Promise<SigningJwk[]> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(LOCK_SIGNING_KEYS);
      const keys = await this.live(manager);
      if (keys.length) return keys;
      await this.add(manager, newSigningKey());
      return this.live(manager);
    });
  }

  /** Adds a new key, which signs from the next start on; the others verify for RETIRED_KEY_PUBLISHED_FOR_SECONDS. */
  async rotate(): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(LOCK_SIGNING_KEYS);
      const key = newSigningKey();
      await this.add(manager, key);
      await manager.query(RETIRE_OLDER_SIGNING_KEYS, [key.kid, RETIRED_KEY_PUBLISHED_FOR_SECONDS]);
      return key.kid;
    });
  }

  private async add(manager: EntityManager, key: SigningJwk): Promise<void> {
    await manager.query(ADD_SIGNING_KEY, [key.kid, this.cipher.encrypt(key)]);
  }

  private async live(manager: EntityManager): Promise<SigningJwk[]> {
    const rows = (await manager.query(LIVE_SIGNING_KEYS)) as LiveSigningKeyRow[];
    return rows.map((row) => this.cipher.decrypt(row.privateJwk) as SigningJwk);
  }
}

function newSigningKey(): SigningJwk {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'RS256', use: 'sig' };
}
