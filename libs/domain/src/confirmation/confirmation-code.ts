const CODE_SHAPE = /^\d{6}$/;

/** Six digits from four random bytes; the modulo bias (under 0.03 %) is far below what guessing could use. */
export function sixDigitCode(bytes: Uint8Array): string {
  const value = ((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) >>> 0;
  return (value % 1_000_000).toString().padStart(6, '0');
}

/** What gets digested: the code bound to its token, so one code never confirms through another token. */
export function codeDigestInput(tokenId: string, code: string): string {
  return `code:${tokenId}:${code}`;
}

/** "123 456", "123-456" and " 123456 " are how people type codes; all mean 123456. */
export function normalizeCode(raw: string): string | undefined {
  const digits = raw.replace(/[\s-]/g, '');
  return CODE_SHAPE.test(digits) ? digits : undefined;
}

/**
 * Codes an address may try per window, right or wrong, whether or not it has an account: at most 5 guesses an
 * hour at a million codes, and the same answers for every address, lockout included.
 */
export const CODE_ATTEMPTS = { maxAttempts: 5, windowMs: 60 * 60_000 } as const;
