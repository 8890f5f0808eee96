import 'reflect-metadata';
import fastifyCookie from '@fastify/cookie';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { PrometheusMetrics } from '@gatehouse/infrastructure/observability/prometheus.metrics';
import type { DestinationStream } from 'pino';
import { serveAdminApp } from './admin-app/admin-app';
import { serveOpenApi } from './admin/openapi';
import { StaffCookies } from './admin/auth/staff-cookies';
import { AppModule } from './app.module';
import { HttpErrorFilter } from './http/http-error.filter';
import { addSecurityHeaders } from './http/security-headers';
import { requestId, RootLogger } from './observability/logging.module';
import { PinoNestLogger } from './observability/pino-nest.logger';
import { logRequests } from './observability/request-log';
import { OidcEngine } from './oidc/oidc-engine';
import { mountOidcProvider } from './oidc/oidc.mount';
import { recordRoutes } from './http/route-table';
import { depthCheckedJsonParser } from './http/json-body.parser';
import { UnreadableBodyInterceptor } from './http/unreadable-body.interceptor';
import { createValidationPipe } from './http/validation.pipe';
import type { Runtime } from './runtime/runtime';
import { ViewRenderer } from './views/view-renderer';

export const BODY_LIMIT_BYTES = 16 * 1024;

/** The pages load their one stylesheet and one script from /assets: nothing inline, nothing from elsewhere. */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  objectSrc: ["'none'"],
};

/** Builds the application (used by main.ts and by the end-to-end tests): Fastify, logging, global pipe and filter. */
export async function createApp(
  runtime: Runtime,
  options: { logDestination?: DestinationStream } = {},
): Promise<NestFastifyApplication> {
  // Requests already read when SIGTERM comes are served, not answered 503: shutdown fails no accepted request.
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    // Only the configured proxies may say who the client is (X-Forwarded-For); nobody else can spoof it.
    trustProxy: runtime.config.trustedProxies.length ? runtime.config.trustedProxies : false,
    genReqId: requestId,
    return503OnClosing: false,
  });
  recordRoutes(adapter.getInstance());
  // The id goes back to the caller, so a person reporting a problem can quote it.
  adapter.getInstance().addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(runtime, options.logDestination),
    adapter,
    { bufferLogs: true, abortOnError: false },
  );
  app.useLogger(app.get(PinoNestLogger));
  logRequests(adapter.getInstance(), app.get(RootLogger).pino);
  const metrics = app.get(PrometheusMetrics);
  adapter.getInstance().addHook('onResponse', async (request, reply) => {
    metrics.observeHttp(
      request.method,
      request.routeOptions.url ?? 'unmatched',
      reply.statusCode,
      reply.elapsedTime / 1000,
    );
  });
  const https = runtime.config.appUrl.startsWith('https:');
  addSecurityHeaders(adapter.getInstance(), {
    // Over plain http (a local or private deployment) an upgrade would send the forms to an https nobody serves.
    contentSecurityPolicy: { directives: { ...CONTENT_SECURITY_POLICY, upgradeInsecureRequests: https ? [] : null } },
    hsts: https,
  });
  // Closed unless configured: only the listed origins' browsers may call the API from their pages.
  if (runtime.config.corsOrigins.length) {
    app.enableCors({ origin: runtime.config.corsOrigins, methods: ['GET', 'POST'], credentials: false });
  }
  await app.register(fastifyCookie);
  // The OpenID provider's routes read their own bodies, so they are mounted apart from Nest's parsers.
  await mountOidcProvider(adapter.getInstance(), app.get(OidcEngine), runtime.config.appUrl);
  serveOpenApi(app, app.get(StaffCookies).name);
  await serveAdminApp(app);
  // Parsed here, refused after the guards (UnreadableBodyInterceptor): a client over its limit gets its 429.
  app.useBodyParser('application/json', { bodyLimit: BODY_LIMIT_BYTES }, depthCheckedJsonParser(adapter.getInstance()));
  app.useGlobalInterceptors(new UnreadableBodyInterceptor());
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter(app.get(ViewRenderer)));
  await app.init();
  return app;
}
