import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * Helmet's security headers on every response, the middleware built once. @fastify/helmet, which Gatehouse used
 * before, builds helmet's whole middleware chain again for every request, parsing the content security policy each
 * time: a few percent of the CPU a small API request costs (BENCHMARKS.md).
 */
export function addSecurityHeaders(fastify: FastifyInstance, options: Readonly<HelmetOptions>): void {
  const setHeaders = helmet(options);
  // helmet types what its middleware passes on as unknown; it passes on nothing but its own Errors.
  fastify.addHook('onRequest', (request, reply, done) =>
    setHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined)),
  );
}
