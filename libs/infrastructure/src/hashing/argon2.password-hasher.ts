import { PasswordHasher } from '@gatehouse/domain/ports/password-hasher.port';
import type { Password } from '@gatehouse/domain/users/password.value-object';
import { argon2id, hash, needsRehash, verify } from 'argon2';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';

export interface Argon2Parameters {
  /** Memory in KiB. */
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

/** OWASP Password Storage Cheat Sheet's first argon2id configuration. */
export const OWASP_ARGON2ID: Argon2Parameters = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** argon2's own default, and RFC 9106's recommendation for password hashing. */
export const SALT_BYTES = 16;

export class Argon2PasswordHasher extends PasswordHasher {
  constructor(
    private readonly parameters: Argon2Parameters = OWASP_ARGON2ID,
    /** Told how long each hash took, in seconds, for the metrics. */
    private readonly observe: (seconds: number) => void = () => undefined,
  ) {
    super();
  }

  async hash(password: Password): Promise<string> {
    const started = performance.now();
    // The salt made here, synchronously (microseconds): left to argon2, it is a thread-pool job of its own that
    // queues behind the hashes in flight, so every sign-up would wait for a free thread twice.
    const result = await hash(password.value, { type: argon2id, ...this.parameters, salt: randomBytes(SALT_BYTES) });
    this.observe((performance.now() - started) / 1000);
    return result;
  }

  async verify(stored: string, password: Password): Promise<boolean> {
    try {
      return await verify(stored, password.value);
    } catch {
      // A hash that is not an argon2 string cannot match anything.
      return false;
    }
  }

  /** Reads the parameters in the stored string (no hashing): another memory, time or lane count than today's. */
  override needsRehash(stored: string): boolean {
    try {
      return needsRehash(stored, this.parameters);
    } catch {
      return false;
    }
  }
}
