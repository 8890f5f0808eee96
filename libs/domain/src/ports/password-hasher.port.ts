import type { Password } from '../users/password.value-object';

export abstract class PasswordHasher {
  abstract hash(password: Password): Promise<string>;
  abstract verify(hash: string, password: Password): Promise<boolean>;

  /** Whether a stored hash was made with other parameters than today's, so a sign-in should hash it again. */
  needsRehash(hash: string): boolean {
    void hash;
    return false;
  }
}
