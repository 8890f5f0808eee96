export const ERROR_CODES = [
  'VALIDATION.INVALID_INPUT',
  'CONFIRMATION.TOKEN_INVALID',
  'CONFIRMATION.TOKEN_EXPIRED',
  'USER.DISABLED',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
