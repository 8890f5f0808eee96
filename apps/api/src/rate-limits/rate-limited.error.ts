import type { RateLimitName } from './rate-limit-names';
import type { RateLimitedFormName } from './rate-limited-forms';

/** A client went over a per-IP limit: answered 429 with Retry-After, or its form again with when to retry. */
export class RateLimited extends Error {
  constructor(
    readonly limit: RateLimitName,
    /** Whole seconds until a request from this client will pass again; at least 1. */
    readonly retryAfterSeconds: number,
    /** The form to show again when the request came from a page. */
    readonly form: RateLimitedFormName | undefined,
  ) {
    super(`Too many requests for the ${limit} limit; retry after ${retryAfterSeconds} s.`);
    this.name = 'RateLimited';
  }
}
