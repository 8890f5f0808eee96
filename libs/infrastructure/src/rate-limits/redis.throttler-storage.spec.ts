import { Redis } from 'ioredis';
import { freePort } from '../local/free-port';
import { createTestRedisNamespace } from '../testing/test-redis';
import { RedisThrottlerStorage } from './redis.throttler-storage';

const FIVE_MINUTES = 5 * 60 * 1000;

describe('RedisThrottlerStorage on a real Redis', () => {
  const namespace = createTestRedisNamespace();
  let storage: RedisThrottlerStorage;
  let other: RedisThrottlerStorage;

  beforeAll(async () => {
    storage = await RedisThrottlerStorage.connect(namespace.url, namespace.prefix);
    // A second connection stands for a second instance of Gatehouse.
    other = await RedisThrottlerStorage.connect(namespace.url, namespace.prefix);
  });

  afterAll(async () => {
    await storage.close();
    await other.close();
    await namespace.drop();
  });

  it('lets `limit` requests through in the window, refuses the next and says when to come back', async () => {
    const results = [];
    for (let n = 0; n < 4; n += 1) results.push(await storage.increment('ip:1', FIVE_MINUTES, 3, 0, 'signup'));
    expect(results.map((result) => [result.totalHits, result.isBlocked])).toEqual([
      [1, false],
      [2, false],
      [3, false],
      [4, true],
    ]);
    const refused = results[3];
    expect(refused.timeToBlockExpire).toBeGreaterThan(290);
    expect(refused.timeToBlockExpire).toBeLessThanOrEqual(300);
    expect(results[0].timeToBlockExpire).toBe(0);
  });

  it('keeps keys apart, and counts one key across connections (instances)', async () => {
    expect((await storage.increment('ip:2', FIVE_MINUTES, 2, 0, 'signup')).isBlocked).toBe(false);
    expect((await other.increment('ip:2', FIVE_MINUTES, 2, 0, 'signup')).isBlocked).toBe(false);
    expect((await other.increment('ip:2', FIVE_MINUTES, 2, 0, 'signup')).isBlocked).toBe(true);
    expect((await storage.increment('ip:3', FIVE_MINUTES, 2, 0, 'signup')).isBlocked).toBe(false);
  });

  it('counts atomically: of 50 requests at once with a limit of 10, exactly 10 pass', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, n) =>
        (n % 2 ? storage : other).increment('ip:burst', FIVE_MINUTES, 10, 0, 'signup'),
      ),
    );
    expect(results.filter((result) => !result.isBlocked)).toHaveLength(10);
  });

  it('lets a refused client through again once its oldest request has left the window', async () => {
    const window = 400;
    await storage.increment('ip:slide', window, 1, 0, 'confirm');
    expect((await storage.increment('ip:slide', window, 1, 0, 'confirm')).isBlocked).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, window + 100));
    expect((await storage.increment('ip:slide', window, 1, 0, 'confirm')).isBlocked).toBe(false);
  });

  it('holds a block for the block duration when one is configured', async () => {
    await storage.increment('ip:block', FIVE_MINUTES, 1, 60_000, 'confirm');
    const refused = await storage.increment('ip:block', FIVE_MINUTES, 1, 60_000, 'confirm');
    expect(refused.isBlocked).toBe(true);
    expect(refused.timeToBlockExpire).toBe(60);
  });

  it('writes only under its key prefix', async () => {
    const redis = new Redis(namespace.url);
    try {
      const keys = await redis.keys(`${namespace.prefix}*`);
      expect(keys.length).toBeGreaterThan(0);
      expect(keys.every((key) => key.startsWith(`${namespace.prefix}rate-limit:{`))).toBe(true);
    } finally {
      await redis.quit();
    }
  });

  it('refuses to start when Redis cannot be reached', async () => {
    const port = await freePort();
    await expect(RedisThrottlerStorage.connect(`redis://127.0.0.1:${port}`, namespace.prefix)).rejects.toThrow(
      /Cannot reach Redis at REDIS_URL/,
    );
  });

  it('lets requests through, and reports why, when Redis goes away after the start', async () => {
    const errors: Error[] = [];
    const lost = await RedisThrottlerStorage.connect(namespace.url, namespace.prefix, (error) => errors.push(error));
    await lost.close();
    const result = await lost.increment('ip:lost', FIVE_MINUTES, 1, 0, 'signup');
    expect(result).toEqual({ totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 });
    expect(errors.length).toBeGreaterThan(0);
  });
});
