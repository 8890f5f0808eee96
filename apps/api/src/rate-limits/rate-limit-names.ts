import type { AppConfig } from '../config/app-config';
import type { Rate } from '../config/rates';

/** The per-IP limits, each set by its RATE_LIMIT_<NAME> setting. Routes under one name share one budget. */
export const RATE_LIMIT_NAMES = ['signup', 'resend', 'confirm', 'staffSignin', 'signin'] as const;
export type RateLimitName = (typeof RATE_LIMIT_NAMES)[number];

export function rateFor(config: AppConfig, name: RateLimitName): Rate {
  const rates: Record<RateLimitName, Rate> = {
    signup: config.rateLimitSignup,
    resend: config.rateLimitResend,
    confirm: config.rateLimitConfirm,
    staffSignin: config.rateLimitStaffSignin,
    signin: config.rateLimitSignin,
  };
  return rates[name];
}
