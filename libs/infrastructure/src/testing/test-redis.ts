import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

/** The Redis the tests use: TEST_REDIS_URL, or the one these machines and CI run on 127.0.0.1:6379. */
export function testRedisUrl(): string {
  return process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
}

export interface TestRedisNamespace {
  url: string;
  /** A REDIS_KEY_PREFIX no other test uses, so test files running at once never share a counter. */
  prefix: string;
  /** Deletes every key under the prefix. */
  drop(): Promise<void>;
}

export function createTestRedisNamespace(): TestRedisNamespace {
  const url = testRedisUrl();
  const prefix = `gatehouse-test-${randomBytes(6).toString('hex')}:`;
  return {
    url,
    prefix,
    async drop() {
      const redis = new Redis(url, { lazyConnect: true });
      await redis.connect();
      try {
        let cursor = '0';
        do {
          const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
          if (keys.length) await redis.del(...keys);
          cursor = next;
        } while (cursor !== '0');
      } finally {
        await redis.quit();
      }
    },
  };
}
