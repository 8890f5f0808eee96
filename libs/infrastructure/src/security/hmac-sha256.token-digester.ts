import { TokenDigester } from '@gatehouse/domain/ports/token-digester.port';
import { createHmac, hkdfSync } from 'node:crypto';

/** HMAC-SHA-256 with a key derived from the app secret: without the secret, a stolen digest is worthless. */
export class HmacSha256TokenDigester extends TokenDigester {
  private readonly key: Buffer;

  constructor(appSecret: string) {
    super();
    this.key = Buffer.from(hkdfSync('sha256', appSecret, 'gatehouse', 'confirmation-token-digest', 32));
  }

  digest(secret: string): string {
    return createHmac('sha256', this.key).update(secret, 'utf8').digest('hex');
  }
}
