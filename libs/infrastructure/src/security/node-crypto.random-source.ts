import { RandomSource } from '@gatehouse/domain/ports/random-source.port';
import { randomBytes, randomUUID } from 'node:crypto';

export class NodeCryptoRandomSource extends RandomSource {
  bytes(count: number): Uint8Array {
    return new Uint8Array(randomBytes(count));
  }

  uuid(): string {
    return randomUUID();
  }
}
