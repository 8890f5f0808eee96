import type { FastifyRequest } from 'fastify';
import type { ViewRenderer } from '../views/view-renderer';
import type { ErrorResponse } from './error-responses';

/**
 * An error raised outside the domain that knows its own answer (a per-IP limit, say): the JSON a client gets
 * and the page a browser gets. The one error filter asks it, so it never needs to know the feature.
 */
export abstract class SelfAnsweringError extends Error {
  abstract response(views: ViewRenderer): ErrorResponse;
  abstract page(request: FastifyRequest, views: ViewRenderer): string;
}
