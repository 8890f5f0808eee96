import type { Provider } from 'oidc-provider';

/** The mounted OpenID provider (oidc-provider), as Nest hands it to the mount and the sign-in page. */
export class OidcEngine {
  constructor(readonly provider: Provider) {}
}

/**
 * The provider's own routes, under the issuer APP_URL. Discovery is fixed by the specification at
 * /.well-known/openid-configuration; the rest sit under /oidc so they never meet Gatehouse's own pages.
 */
export const OIDC_ROUTES = {
  authorization: '/oidc/auth',
  token: '/oidc/token',
  userinfo: '/oidc/me',
  jwks: '/oidc/jwks',
  end_session: '/oidc/session/end',
  revocation: '/oidc/token/revocation',
} as const;

/** Where the provider sends a person it needs something from (a sign-in); the page is SignInPage. */
export const SIGN_IN_PATH = '/sign-in';
