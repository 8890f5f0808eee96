import { RedisThrottlerStorage } from '@gatehouse/infrastructure/rate-limits/redis.throttler-storage';
import { Global, Inject, Logger, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import {
  getOptionsToken,
  getStorageToken,
  ThrottlerStorageService,
  type ThrottlerModuleOptions,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import type { AppConfig } from '../config/app-config';
import { RATE_LIMIT_NAMES, rateFor } from './rate-limit-names';

/** How often a Redis outage is logged while it lasts: every request would otherwise add a line. */
const REDIS_WARNING_INTERVAL_MS = 30_000;

/**
 * The per-IP limits (@nestjs/throttler) for every module: counted in Redis when REDIS_URL is set, so all
 * instances share them, otherwise in this process. Routes opt in with @RateLimit(name).
 */
@Global()
@Module({})
export class RateLimitsModule implements OnApplicationShutdown {
  constructor(@Inject(getStorageToken()) private readonly storage: ThrottlerStorage) {}

  static forRoot(config: AppConfig): DynamicModule {
    const options: ThrottlerModuleOptions = {
      // A sliding window: blockDuration 0 lets a client in again as soon as its oldest request leaves it.
      throttlers: RATE_LIMIT_NAMES.map((name) => {
        const { limit, windowMs } = rateFor(config, name);
        return { name, limit, ttl: windowMs, blockDuration: 0 };
      }),
      // Retry-After comes from the error filter; per-limit X-RateLimit-* headers would only advertise the budget.
      setHeaders: false,
    };
    return {
      module: RateLimitsModule,
      providers: [
        { provide: getOptionsToken(), useValue: options },
        {
          provide: getStorageToken(),
          useFactory: (): Promise<ThrottlerStorage> | ThrottlerStorage =>
            config.redisUrl
              ? RedisThrottlerStorage.connect(config.redisUrl, config.redisKeyPrefix, redisWarning())
              : new ThrottlerStorageService(),
        },
      ],
      exports: [getOptionsToken(), getStorageToken()],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.storage instanceof RedisThrottlerStorage) await this.storage.close();
  }
}

function redisWarning(): (error: Error) => void {
  const logger = new Logger('RateLimits');
  let lastAt = -Infinity;
  return (error) => {
    const now = Date.now();
    if (now - lastAt < REDIS_WARNING_INTERVAL_MS) return;
    lastAt = now;
    logger.warn(`Redis is unreachable, requests pass without per-IP limits until it is back: ${error.message}`);
  };
}
