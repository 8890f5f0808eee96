import { PasswordHasher } from '@gatehouse/domain/ports/password-hasher.port';
import type { Password } from '@gatehouse/domain/users/password.value-object';
import { argon2id, hash, verify } from 'argon2';
import { performance } from 'node:perf_hooks';

export interface Argon2Parameters {
  /** Memory in KiB. */
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

/** OWASP Password Storage Cheat Sheet's first argon2id configuration. */
export const OWASP_ARGON2ID: Argon2Parameters = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

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
    const result = await hash(password.value, { type: argon2id, ...this.parameters });
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
}
