import type { ThrottlerStorage } from '@nestjs/throttler';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';

/** What ThrottlerStorage.increment answers; times in whole seconds, rounded up. */
interface HitRecord {
  totalHits: number;
  timeToExpire: number;
  isBlocked: boolean;
  timeToBlockExpire: number;
}

// One atomic step per request, on Redis's own clock so that instances with skewed clocks agree.
// KEYS[1]: a sorted set of hit times (a sliding window log); KEYS[2]: set while a block lasts.
// ARGV: window ms, limit, block duration ms (0: none, the window alone decides), a unique member.
// Answers {hits, ms until the oldest hit leaves the window, blocked 0/1, ms until another request may pass}.
const HIT_SCRIPT = `
local window = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
local block = tonumber(ARGV[3])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local hits = redis.call('ZCARD', KEYS[1])
local blockedFor = redis.call('PTTL', KEYS[2])
if blockedFor > 0 then
  return {hits, blockedFor, 1, blockedFor}
end
if hits < limit then
  redis.call('ZADD', KEYS[1], now, ARGV[4])
  redis.call('PEXPIRE', KEYS[1], window)
  local oldest = tonumber(redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')[2])
  return {hits + 1, oldest + window - now, 0, 0}
end
local oldest = tonumber(redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')[2])
local wait = oldest + window - now
if block > 0 then
  redis.call('SET', KEYS[2], '1', 'PX', block)
  wait = block
end
return {hits + 1, oldest + window - now, 1, wait}
`;

type HitCommand = (
  hitsKey: string,
  blockKey: string,
  windowMs: number,
  limit: number,
  blockMs: number,
  member: string,
) => Promise<[number, number, number, number]>;

/**
 * @nestjs/throttler's counters in Redis, so every instance behind a load balancer counts one client's
 * requests together. A sliding window: a request passes when fewer than `limit` passed in the last `ttl` ms,
 * and a refused request says exactly when the next one will pass.
 *
 * When Redis cannot be reached the request passes and `onError` hears why: an outage of the counters must
 * not take sign-up down, and the limits that protect mailboxes and the SMTP account live in PostgreSQL.
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly hit: HitCommand;

  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
    private readonly onError: (error: Error) => void = () => undefined,
  ) {
    redis.defineCommand('gatehouseRateLimitHit', { numberOfKeys: 2, lua: HIT_SCRIPT });
    const commands = redis as unknown as { gatehouseRateLimitHit: HitCommand };
    this.hit = commands.gatehouseRateLimitHit.bind(redis);
  }

  /**
   * Connects before the server starts, so a wrong REDIS_URL stops the start instead of failing later.
   * Afterwards commands fail at once while the connection is down (no queue), and it reconnects by itself.
   */
  static async connect(
    url: string,
    keyPrefix: string,
    onError?: (error: Error) => void,
  ): Promise<RedisThrottlerStorage> {
    const redis = new Redis(url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 5000,
      commandTimeout: 1000,
      // How long a closing connection may linger (ioredis waits 2 s by default, holding the process open).
      disconnectTimeout: 200,
    });
    // Without a listener ioredis reports every failed reconnect as an unhandled 'error' event.
    redis.on('error', (error: Error) => onError?.(error));
    try {
      await redis.connect();
    } catch (error) {
      redis.disconnect();
      throw new Error(`Cannot reach Redis at REDIS_URL: ${(error as Error).message}`, { cause: error });
    }
    return new RedisThrottlerStorage(redis, keyPrefix, onError);
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    _throttlerName?: string,
  ): Promise<HitRecord> {
    // The braces are a hash tag: both keys of one counter land on one Redis Cluster slot.
    const base = `${this.keyPrefix}rate-limit:{${key}}`;
    try {
      const [hits, expiresInMs, blocked, waitMs] = await this.hit(
        base,
        `${base}:blocked`,
        ttl,
        limit,
        Math.max(0, blockDuration),
        randomUUID(),
      );
      return {
        totalHits: hits,
        timeToExpire: Math.ceil(Math.max(0, expiresInMs) / 1000),
        isBlocked: blocked === 1,
        timeToBlockExpire: blocked === 1 ? Math.max(1, Math.ceil(waitMs / 1000)) : 0,
      };
    } catch (error) {
      this.onError(error as Error);
      return { totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 };
    }
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
