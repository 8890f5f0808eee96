export const TOKEN_SECRET_BYTES = 32;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
// 32 bytes in unpadded base64url are always 43 characters.
const SECRET_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** The secret half of a confirmation token: what travels in the link and is never stored. */
export function encodeTokenSecret(bytes: Uint8Array): string {
  if (bytes.length !== TOKEN_SECRET_BYTES) {
    throw new Error(`A token secret needs ${TOKEN_SECRET_BYTES} random bytes, got ${bytes.length}.`);
  }
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const chunk = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
    for (let c = 0; c < chars; c += 1) out += ALPHABET[(chunk >> (18 - 6 * c)) & 63];
  }
  return out;
}

/** Cheap shape check so obvious garbage never reaches the database. */
export function looksLikeTokenSecret(candidate: string): boolean {
  return SECRET_SHAPE.test(candidate);
}
