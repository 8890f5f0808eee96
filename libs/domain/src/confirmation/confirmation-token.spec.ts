import { ConfirmationToken } from './confirmation-token';
import { TokenExpired, TokenInvalid } from './confirmation.errors';
import { encodeTokenSecret, looksLikeTokenSecret } from './token-secret';

const issuedAt = new Date('2026-03-01T00:00:00Z');
const day = 24 * 60 * 60 * 1000;

function aToken(overrides: Partial<Parameters<typeof ConfirmationToken.restore>[0]> = {}) {
  const token = ConfirmationToken.issue({
    id: 't1',
    userId: 'u1',
    email: 'a@example.com',
    digest: 'd',
    now: issuedAt,
    ttlMs: day,
  });
  return ConfirmationToken.restore({
    ...token.snapshot(),
    ...overrides,
  });
}

describe('ConfirmationToken', () => {
  it('is used once, while usable, for its own address', () => {
    const token = aToken();
    const at = new Date(issuedAt.getTime() + 1000);
    expect(() => token.use('b@example.com', at)).toThrow(TokenInvalid);
    token.use('a@example.com', at);
    expect(token.usedAt).toEqual(at);
    expect(() => token.use('a@example.com', at)).toThrow(TokenInvalid);
    expect(() => aToken().use('a@example.com', new Date(issuedAt.getTime() + day))).toThrow(TokenExpired);
  });

  it('is issued for email confirmation and expires after its time to live, to the millisecond', () => {
    const token = aToken();
    expect(token.purpose).toBe('email_confirmation');
    expect(token.expiresAt).toEqual(new Date(issuedAt.getTime() + day));
    expect(token.state(new Date(issuedAt.getTime() + day - 1))).toBe('usable');
    expect(token.state(new Date(issuedAt.getTime() + day))).toBe('expired');
  });

  it('says why it cannot be used', () => {
    const later = new Date(issuedAt.getTime() + 1000);
    expect(() => aToken().assertUsableFor('a@example.com', new Date(issuedAt.getTime() + day))).toThrow(TokenExpired);
    expect(() => aToken({ usedAt: later }).assertUsableFor('a@example.com', later)).toThrow(TokenInvalid);
    expect(() => aToken({ supersededAt: later }).assertUsableFor('a@example.com', later)).toThrow(TokenInvalid);
    expect(() => aToken().assertUsableFor('someone-else@example.com', later)).toThrow(TokenInvalid);
    expect(() => aToken().assertUsableFor('a@example.com', later)).not.toThrow();
  });

  it('encodes 32 bytes as 43 base64url characters and recognises that shape only', () => {
    const secret = encodeTokenSecret(Uint8Array.from({ length: 32 }, (_, i) => i * 8));
    expect(secret).toBe(Buffer.from(Uint8Array.from({ length: 32 }, (_, i) => i * 8)).toString('base64url'));
    expect(looksLikeTokenSecret(secret)).toBe(true);
    expect(looksLikeTokenSecret(`${secret}=`)).toBe(false);
    expect(looksLikeTokenSecret("' OR 1=1 --")).toBe(false);
    expect(() => encodeTokenSecret(new Uint8Array(16))).toThrow('32 random bytes');
  });
});
