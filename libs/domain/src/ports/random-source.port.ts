export abstract class RandomSource {
  /** Cryptographically strong random bytes. */
  abstract bytes(count: number): Uint8Array;
  abstract uuid(): string;
}
