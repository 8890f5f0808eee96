import {
  BadRequestException,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { MALFORMED_JSON_MESSAGE } from './error-responses';
import { MAX_JSON_DEPTH, UnreadableJsonBody } from './json-body.parser';

export const TOO_DEEP_JSON_MESSAGE = `The request body nests objects or arrays more than ${MAX_JSON_DEPTH} levels deep. Send a flat object such as {"email": "..."}.`;

/**
 * Refuses a JSON body the parser could not take, with the documented 400. It runs as an interceptor, after the
 * guards, so a client over its per-IP limit is answered 429 whatever it sent, and a signed-out one 401.
 */
@Injectable()
export class UnreadableBodyInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const body = context.switchToHttp().getRequest<FastifyRequest>().body;
    if (body instanceof UnreadableJsonBody) {
      const message = body.problem === 'too_deep' ? TOO_DEEP_JSON_MESSAGE : MALFORMED_JSON_MESSAGE;
      throw new BadRequestException({ errors: [{ field: 'body', message }] });
    }
    return next.handle();
  }
}
