import type { CookieSerializeOptions } from '@fastify/cookie';
import {
  encodeTokenSecret,
  looksLikeTokenSecret,
  TOKEN_SECRET_BYTES,
} from '@gatehouse/domain/confirmation/token-secret';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomBytes } from 'node:crypto';

const LIFETIME_SECONDS = 30 * 24 * 60 * 60;

/**
 * A random secret the browser keeps from its sign-up (HttpOnly, SameSite=Lax so the link from the mail client
 * carries it; Secure with the __Host- prefix on https). Only its digest is stored, with the sign-up: when an
 * address was signed up more than once, the same browser confirming shows which sign-up was its own without
 * typing the password again. It says nothing else and holds no session.
 */
export class SignUpBrowserCookie {
  readonly name: string;
  private readonly options: CookieSerializeOptions;

  constructor(appUrl: string) {
    const https = appUrl.startsWith('https:');
    this.name = https ? '__Host-gatehouse_signup' : 'gatehouse_signup';
    this.options = { path: '/', httpOnly: true, sameSite: 'lax', secure: https, maxAge: LIFETIME_SECONDS };
  }

  /** The browser's secret, if it sent one that looks like ours. */
  read(request: FastifyRequest): string | undefined {
    const value = request.cookies?.[this.name];
    return value && looksLikeTokenSecret(value) ? value : undefined;
  }

  /** The browser's secret, made and handed to it now if it had none. */
  readOrIssue(request: FastifyRequest, reply: FastifyReply): string {
    const existing = this.read(request);
    if (existing) return existing;
    const secret = encodeTokenSecret(randomBytes(TOKEN_SECRET_BYTES));
    void reply.setCookie(this.name, secret, this.options);
    return secret;
  }
}
