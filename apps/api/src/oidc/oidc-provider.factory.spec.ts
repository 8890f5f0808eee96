import { sessionTtlSeconds } from './oidc-provider.factory';

describe('sessionTtlSeconds (the provider session and its cookie)', () => {
  const minute = 60_000;
  const now = 1_800_000_000;

  it('keeps a fresh session for the idle timeout when the lifetime is longer', () => {
    expect(sessionTtlSeconds(10 * minute, 60 * minute, now, now)).toBe(600);
  });

  it('never keeps a session past its lifetime since the sign-in, however recently it was used', () => {
    expect(sessionTtlSeconds(10 * minute, 60 * minute, now - 55 * 60, now)).toBe(300);
    expect(sessionTtlSeconds(10 * minute, 5 * minute, now, now)).toBe(300);
  });

  it('gives at least one second once the lifetime is over, and counts from now before a sign-in', () => {
    expect(sessionTtlSeconds(10 * minute, 60 * minute, now - 2 * 3600, now)).toBe(1);
    expect(sessionTtlSeconds(10 * minute, 60 * minute, undefined, now)).toBe(600);
  });
});
