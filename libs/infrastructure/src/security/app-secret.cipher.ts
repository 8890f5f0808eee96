import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Encrypts a secret at rest (AES-256-GCM) under a key derived from APP_SECRET for one purpose (HKDF's info), so
 * whoever reads the database reads none of it, and a key for one purpose opens nothing of another's.
 */
export class AppSecretCipher {
  private readonly key: Buffer;

  constructor(
    appSecret: string,
    private readonly purpose: string,
  ) {
    this.key = Buffer.from(hkdfSync('sha256', appSecret, 'gatehouse', purpose, 32));
  }

  encrypt(data: unknown): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(data), 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
  }

  decrypt(payload: Buffer): unknown {
    if (payload[0] !== VERSION) throw new Error(`Unknown ${this.purpose} version ${payload[0]}.`);
    const iv = payload.subarray(1, 1 + IV_BYTES);
    const tag = payload.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
    decipher.setAuthTag(tag);
    const body = Buffer.concat([decipher.update(payload.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
    return JSON.parse(body.toString('utf8'));
  }
}
