import { Password } from '@gatehouse/domain/users/password.value-object';
import { Argon2PasswordHasher } from './argon2.password-hasher';

describe('Argon2PasswordHasher', () => {
  const hasher = new Argon2PasswordHasher({ memoryCost: 1024, timeCost: 2, parallelism: 1 });

  it('salts every hash afresh with 16 bytes, in argon2id with the parameters given, and verifies it', async () => {
    const password = Password.parse('correct horse battery');
    const [first, second] = await Promise.all([hasher.hash(password), hasher.hash(password)]);
    expect(first).not.toBe(second);
    for (const stored of [first, second]) {
      const [, type, version, parameters, salt] = stored.split('$');
      expect([type, version, parameters]).toEqual(['argon2id', 'v=19', 'm=1024,p=1,t=2']);
      expect(Buffer.from(salt, 'base64')).toHaveLength(16);
      expect(await hasher.verify(stored, password)).toBe(true);
    }
    expect(await hasher.verify(first, Password.parse('wrong horse battery'))).toBe(false);
    expect(await hasher.verify('not an argon2 string', password)).toBe(false);
  });

  it("tells a hash made with other parameters from one made with today's", async () => {
    const password = Password.parse('correct horse battery');
    const older = await new Argon2PasswordHasher({ memoryCost: 1024, timeCost: 1, parallelism: 1 }).hash(password);
    expect(hasher.needsRehash(older)).toBe(true);
    expect(hasher.needsRehash(await hasher.hash(password))).toBe(false);
    expect(hasher.needsRehash('not an argon2 string')).toBe(false);
  });
});
