import type { FastifyInstance } from 'fastify';
import type { Logger as Pino } from 'pino';

// Asked many times a minute by load balancers and Prometheus: a line each would drown the rest.
const QUIET = new Set(['/health/live', '/metrics']);

/**
 * One line per answered request, from a Fastify hook: its id, method, path (never the query string: a
 * confirmation link carries its token there), status and time. A hook rather than an Express-style middleware
 * run through Nest: that path, with the request-scoped context it kept, cost a fifth of a small request's CPU
 * (BENCHMARKS.md).
 */
export function logRequests(fastify: FastifyInstance, logger: Pino): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    if (!QUIET.has(request.url)) {
      const statusCode = reply.statusCode;
      const line = {
        req: { id: request.id, method: request.method, path: request.url.split('?')[0] },
        res: { statusCode },
        responseTime: Math.round(reply.elapsedTime),
      };
      if (statusCode >= 500) logger.error(line, 'request errored');
      else logger.info(line, 'request completed');
    }
    done();
  });
}
