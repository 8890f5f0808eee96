import type { CookieSerializeOptions } from '@fastify/cookie';
import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The back-office session cookie and the CSRF token derived from it. The cookie is HttpOnly and SameSite=Strict
 * (Secure, with the __Host- prefix, when APP_URL is https); the CSRF token is an HMAC of the session secret,
 * so it needs no storage and is worthless without the cookie.
 */
export class StaffCookies {
  readonly name: string;
  private readonly options: CookieSerializeOptions;

  constructor(
    private readonly appSecret: string,
    private readonly appUrl: string,
    lifetimeMs: number,
  ) {
    const https = appUrl.startsWith('https:');
    this.name = https ? '__Host-gatehouse_staff' : 'gatehouse_staff';
    this.options = {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: https,
      maxAge: Math.floor(lifetimeMs / 1000),
    };
  }

  get cookieOptions(): CookieSerializeOptions {
    return { ...this.options };
  }

  get clearOptions(): CookieSerializeOptions {
    return { ...this.options, maxAge: 0 };
  }

  csrfTokenFor(sessionSecret: string): string {
    return createHmac('sha256', this.appSecret).update(`csrf:${sessionSecret}`).digest('base64url');
  }

  csrfTokenMatches(sessionSecret: string, presented: string | undefined): boolean {
    if (!presented) return false;
    const expected = Buffer.from(this.csrfTokenFor(sessionSecret));
    const given = Buffer.from(presented);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  /** A browser always sends Origin on a cross-site POST; when present it must be Gatehouse's own. */
  originAllowed(origin: string | undefined): boolean {
    return origin === undefined || origin === new URL(this.appUrl).origin;
  }
}
