import type { User } from '@gatehouse/domain/users/user.entity';
import { negotiateLocale } from '@gatehouse/infrastructure/i18n/locale';
import { PostgresOidcAdapter } from '@gatehouse/infrastructure/oidc/postgres.oidc-adapter';
import type { SigningJwk } from '@gatehouse/infrastructure/oidc/postgres.signing-keys';
import { hkdfSync } from 'node:crypto';
import { Provider, type ClientMetadata, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import type { ViewRenderer } from '../views/view-renderer';
import { allowFormRedirectsTo } from './form-action';
import { OIDC_ROUTES, SIGN_IN_PATH } from './oidc-engine';

export interface OidcProviderParts {
  config: AppConfig;
  appSecret: string;
  dataSource: DataSource;
  signingKeys: SigningJwk[];
  views: ViewRenderer;
  /** The account behind a subject, or null when it may not (any longer) sign in: deleted, disabled, pending. */
  findUser(id: string): Promise<User | null>;
}

/** The claims each scope releases; `sub` is the user's id. */
const CLAIMS = { openid: ['sub'], email: ['email', 'email_verified'], profile: ['locale'] };

/**
 * oidc-provider configured as Gatehouse's OpenID Connect provider: the clients of OIDC_CLIENTS_FILE, storage in
 * PostgreSQL, the signing keys from the database, cookies keyed by APP_SECRET, and Gatehouse's pages.
 */
export function createOidcProvider(parts: OidcProviderParts): Provider {
  const { config, views } = parts;
  const https = config.appUrl.startsWith('https:');
  const configuration: Configuration = {
    adapter: (model: string) => new PostgresOidcAdapter(model, parts.dataSource),
    clients: (config.oidcClients ?? []).map((client): ClientMetadata => ({ ...client, response_types: ['code'] })),
    jwks: { keys: parts.signingKeys },
    routes: OIDC_ROUTES,
    scopes: ['openid', 'offline_access', 'email', 'profile'],
    claims: CLAIMS,
    // The address and the language in the ID token too, not only at userinfo.
    conformIdTokenClaims: false,
    findAccount: async (_ctx, sub) => {
      const user = await parts.findUser(sub);
      if (!user) return undefined;
      return {
        accountId: user.id,
        claims: async () => ({
          sub: user.id,
          email: user.email.value,
          email_verified: user.isActive,
          locale: user.locale,
        }),
      };
    },
    // A code lives a minute, a sign-in an hour, grants and refresh tokens two weeks (the access and ID tokens an
    // hour, so the JWKS keeps a replaced key for a day). The session (and its cookie, which expires with it) lasts
    // SIGN_IN_SESSION_IDLE_TIMEOUT from each save, never past SIGN_IN_SESSION_LIFETIME from the sign-in.
    ttl: {
      AccessToken: 3600,
      AuthorizationCode: 60,
      IdToken: 3600,
      Interaction: 3600,
      Session: (_ctx, session) =>
        sessionTtlSeconds(config.signInSessionIdleMs, config.signInSessionLifetimeMs, session.loginTs),
      Grant: 14 * 24 * 3600,
      RefreshToken: 14 * 24 * 3600,
    },
    interactions: { url: async (_ctx, interaction) => `${SIGN_IN_PATH}/${interaction.uid}` },
    cookies: {
      keys: [Buffer.from(hkdfSync('sha256', parts.appSecret, 'gatehouse', 'oidc-cookies', 32)).toString('base64url')],
      // __Host-: only this origin, path /, https; the interaction cookies are scoped to their paths, so __Secure-.
      names: https
        ? {
            session: '__Host-gatehouse.session',
            interaction: '__Secure-gatehouse.interaction',
            resume: '__Secure-gatehouse.resume',
          }
        : { session: 'gatehouse.session', interaction: 'gatehouse.interaction', resume: 'gatehouse.resume' },
      long: { httpOnly: true, sameSite: 'lax', secure: https },
      short: { httpOnly: true, sameSite: 'lax', secure: https },
    },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          const locale = localeOf(ctx);
          widenFormAction(ctx, [ctx.oidc.params?.post_logout_redirect_uri as string | undefined]);
          ctx.type = 'html';
          ctx.body = views.render('sign-out', locale, {
            title: 'signout.title',
            form,
            clientName: ctx.oidc.client?.clientName ?? ctx.oidc.client?.clientId,
          });
        },
        postLogoutSuccessSource: async (ctx) => {
          ctx.type = 'html';
          ctx.body = views.render('signed-out', localeOf(ctx), { title: 'signout.done_title' });
        },
      },
    },
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = views.render('oidc-problem', localeOf(ctx), {
        title: 'oidc_problem.title',
        error: out.error,
        description: out.error_description,
      });
    },
  };
  const provider = new Provider(config.appUrl, configuration);
  // The mount sets X-Forwarded-* from APP_URL and Fastify's client address: URLs and cookies follow APP_URL.
  provider.proxy = true;
  return provider;
}

/**
 * Seconds the provider's session is kept from now: the idle timeout, cut short where the absolute lifetime since
 * the sign-in (loginTs, seconds) ends first; at least a second, as oidc-provider requires a positive integer.
 */
export function sessionTtlSeconds(
  idleMs: number,
  lifetimeMs: number,
  loginTs: number | undefined,
  nowSeconds = Math.floor(Date.now() / 1000),
): number {
  const idle = Math.floor(idleMs / 1000);
  const signedInAt = loginTs ?? nowSeconds;
  const left = signedInAt + Math.floor(lifetimeMs / 1000) - nowSeconds;
  return Math.max(1, Math.min(idle, left));
}

function localeOf(ctx: KoaContextWithOIDC) {
  return negotiateLocale(ctx.get('accept-language') || undefined);
}

function widenFormAction(ctx: KoaContextWithOIDC, urls: Array<string | undefined>): void {
  const policy = ctx.response.get('content-security-policy');
  if (policy) ctx.set('content-security-policy', allowFormRedirectsTo(policy, urls));
}
