/**
 * Per-IP and email limits no test should meet by accident: every request of a test comes from 127.0.0.1,
 * and some tests send thousands. A test of a limit sets it low itself.
 */
export const HIGH_LIMITS: Record<string, string> = {
  RATE_LIMIT_SIGNUP: '1000000/1h',
  RATE_LIMIT_RESEND: '1000000/1h',
  RATE_LIMIT_CONFIRM: '1000000/1h',
  RATE_LIMIT_STAFF_SIGNIN: '1000000/1h',
  RATE_LIMIT_SIGNIN: '1000000/1h',
  EMAIL_LIMIT_PER_ADDRESS: '1000000/1h',
  EMAIL_LIMIT_GLOBAL: '1000000/1h',
};
