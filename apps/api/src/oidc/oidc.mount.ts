import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { OIDC_ROUTES } from './oidc-engine';
import type { OidcEngine } from './oidc-engine';

/**
 * Hands the provider's routes to oidc-provider (a Koa application) from Fastify. In their own scope no body parser
 * runs, so the provider reads its bodies itself. The request reaches it saying it came to APP_URL from the client
 * Fastify trusted (TRUSTED_PROXIES): the URLs it builds and its cookies' Secure flag follow APP_URL, never a Host
 * or X-Forwarded-* header a client sent. Fastify's hooks (security headers, request id, logging) still run.
 */
export async function mountOidcProvider(fastify: FastifyInstance, engine: OidcEngine, appUrl: string): Promise<void> {
  const callback = engine.provider.callback();
  const { protocol, host } = new URL(appUrl);
  const handle = (request: FastifyRequest, reply: FastifyReply): void => {
    const headers = request.raw.headers;
    headers['x-forwarded-proto'] = protocol.slice(0, -1);
    headers['x-forwarded-host'] = host;
    headers['x-forwarded-for'] = request.ip;
    reply.hijack();
    void callback(request.raw, reply.raw);
  };
  await fastify.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null));
    scope.get('/.well-known/openid-configuration', handle);
    const prefix = OIDC_ROUTES.authorization.slice(0, OIDC_ROUTES.authorization.indexOf('/', 1));
    scope.all(prefix, handle);
    scope.all(`${prefix}/*`, handle);
  });
}
