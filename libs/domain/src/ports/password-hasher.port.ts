import type { Password } from '../users/password.value-object';

export abstract class PasswordHasher {
  abstract hash(password: Password): Promise<string>;
  abstract verify(hash: string, password: Password): Promise<boolean>;
}
