import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import type { RateLimitName } from './rate-limit-names';
import { RATE_LIMITED_FORM, type RateLimitedFormName } from './rate-limited-forms';
import { RateLimited } from './rate-limited.error';

/**
 * @nestjs/throttler's guard, keyed by the client's address as Fastify sees it (request.ip, which believes
 * X-Forwarded-For only from TRUSTED_PROXIES). Use it through the @RateLimit decorator.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  // One counter per limit and client, whichever route of the limit was called: the sign-up page and the
  // sign-up API spend one budget. (The library's key names the controller and handler.)
  protected override generateKey(_context: ExecutionContext, tracker: string, name: string): string {
    return `${name}:${tracker}`;
  }

  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const form = this.reflector.getAllAndOverride<RateLimitedFormName | undefined>(RATE_LIMITED_FORM, [
      context.getHandler(),
      context.getClass(),
    ]);
    const limit = detail.key.slice(0, detail.key.indexOf(':')) as RateLimitName;
    throw new RateLimited(limit, Math.max(1, detail.timeToBlockExpire), form);
  }
}
