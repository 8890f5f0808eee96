import type { FastifyHelmetOptions } from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';

type HeadersMiddleware = (request: IncomingMessage, response: ServerResponse, next: (error?: Error) => void) => void;
type Helmet = (options: Omit<FastifyHelmetOptions, 'global' | 'enableCSPNonces'>) => HeadersMiddleware;

// The very helmet @fastify/helmet depends on, resolved from there: the headers are the ones that plugin set.
const helmet = createRequire(require.resolve('@fastify/helmet'))('helmet') as Helmet;

/**
 * Helmet's security headers on every response, the middleware built once. @fastify/helmet builds helmet's
 * whole middleware chain again for every request, parsing the content security policy each time: a few
 * percent of the CPU a small API request costs (BENCHMARKS.md).
 */
export function addSecurityHeaders(
  fastify: FastifyInstance,
  options: Omit<FastifyHelmetOptions, 'global' | 'enableCSPNonces'>,
): void {
  const setHeaders = helmet(options);
  fastify.addHook('onRequest', (request, reply, done) => setHeaders(request.raw, reply.raw, done));
}
