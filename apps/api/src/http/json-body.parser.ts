import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Deeper than any request Gatehouse takes (the deepest, a bulk resend's filter, is 2), far below a stack's reach. */
export const MAX_JSON_DEPTH = 32;

/**
 * A JSON body that could not be taken: not JSON at all, or nested deeper than MAX_JSON_DEPTH. The parser hands
 * it on instead of failing, so the per-IP limits (guards) still answer first; UnreadableBodyInterceptor turns it
 * into the 400 after them.
 */
export class UnreadableJsonBody {
  constructor(readonly problem: 'not_json' | 'too_deep') {}
}

type Done = (error: Error | null, body?: unknown) => void;

/**
 * Fastify's own JSON parser (prototype-poisoning checks included), then the nesting check, iteratively:
 * class-transformer and class-validator recurse over a body and would overflow the stack on one 2,000 levels deep.
 */
export function depthCheckedJsonParser(
  fastify: FastifyInstance,
): (request: FastifyRequest, body: Buffer, done: Done) => void {
  const { onProtoPoisoning, onConstructorPoisoning } = fastify.initialConfig as {
    onProtoPoisoning?: 'error' | 'remove' | 'ignore';
    onConstructorPoisoning?: 'error' | 'remove' | 'ignore';
  };
  const parse = fastify.getDefaultJsonParser(onProtoPoisoning ?? 'error', onConstructorPoisoning ?? 'error');
  return (request, body, done) => {
    // Kept as sent: a signed webhook (SendGrid's) is verified over its exact bytes, not over a re-serialisation.
    (request as RawBodied).rawBody = body;
    // Fastify's parser takes the buffer as it takes a string (secure-json-parse reads both).
    void parse(request, body as unknown as string, (error: Error | null, value?: unknown) => {
      if (error) return done(null, new UnreadableJsonBody('not_json'));
      done(null, nestsDeeperThan(value, MAX_JSON_DEPTH) ? new UnreadableJsonBody('too_deep') : value);
    });
  };
}

type RawBodied = FastifyRequest & { rawBody?: Buffer };

/** The request's body as it came, before parsing (empty for a request without one). */
export function rawBodyOf(request: FastifyRequest): Buffer {
  return (request as RawBodied).rawBody ?? Buffer.alloc(0);
}

/** Whether a parsed JSON value has objects or arrays nested more than `max` levels, without recursing. */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const pending: Array<[unknown, number]> = [[value, 0]];
  while (pending.length) {
    const [current, depth] = pending.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth + 1 > max) return true;
    for (const child of Object.values(current)) {
      if (typeof child === 'object' && child !== null) pending.push([child, depth + 1]);
    }
  }
  return false;
}
