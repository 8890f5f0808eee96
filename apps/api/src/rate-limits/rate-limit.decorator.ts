import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
import { RATE_LIMIT_NAMES, type RateLimitName } from './rate-limit-names';
import { RATE_LIMITED_FORM, type RateLimitedFormName } from './rate-limited-forms';
import { RateLimitGuard } from './rate-limit.guard';

/**
 * Counts every request to the route against the named per-IP limit (RATE_LIMIT_SIGNUP, _RESEND, _CONFIRM,
 * _STAFF_SIGNIN, _SIGNIN) and answers 429 with Retry-After once the client has used it up, before the handler runs.
 * Routes with the same name share one budget. A page route names its form, which is shown again saying
 * when to try again instead of a JSON error.
 *
 * @example @RateLimit('staffSignin')
 */
export function RateLimit(name: RateLimitName, form?: RateLimitedFormName): MethodDecorator & ClassDecorator {
  const others = RATE_LIMIT_NAMES.filter((other) => other !== name);
  return applyDecorators(
    SkipThrottle(Object.fromEntries(others.map((other) => [other, true]))),
    ...(form ? [SetMetadata(RATE_LIMITED_FORM, form)] : []),
    UseGuards(RateLimitGuard),
  );
}
