import { DomainError } from '@gatehouse/domain/errors/domain-error';
import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ViewRenderer } from '../views/view-renderer';
import { SelfAnsweringError } from './self-answering.error';
import { domainErrorResponse, INTERNAL_ERROR, transportErrorResponse, type ErrorResponse } from './error-responses';

/** The one place where an error becomes an HTTP answer: JSON under /api and /health, a page elsewhere. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  constructor(private readonly views: ViewRenderer) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const response =
      exception instanceof SelfAnsweringError ? exception.response(this.views) : this.toResponse(exception);
    if (response.status >= 500) {
      // The request's id by hand: no request-scoped context follows the handler's promises (it would cost
      // every request far more than this line).
      this.logger.error(
        { msg: `${request.method} ${request.routeOptions?.url ?? 'unknown route'} failed`, req: { id: request.id } },
        (exception as Error)?.stack,
      );
    }
    if (response.headers) void reply.headers(response.headers);
    if (wantsJson(request)) {
      void reply.status(response.status).type('application/json; charset=utf-8').send(response.body);
      return;
    }
    void reply
      .status(response.status)
      .type('text/html; charset=utf-8')
      .send(this.page(exception, request, response));
  }

  private page(exception: unknown, request: FastifyRequest, response: ErrorResponse): string {
    if (exception instanceof SelfAnsweringError) return exception.page(request, this.views);
    if (response.status === 404) return this.views.render('not-found', 'en', { title: 'Page not found' });
    return this.views.render('link-problem', 'en', {
      title: 'Something went wrong',
      heading: response.status >= 500 ? 'Something went wrong' : 'We could not handle that request',
      message:
        'message' in response.body ? response.body.message : response.body.errors.map((e) => e.message).join(' '),
      offerResend: false,
    });
  }

  private toResponse(exception: unknown): ErrorResponse {
    if (exception instanceof DomainError) return domainErrorResponse(exception);
    if (exception instanceof HttpException) {
      // Fastify's own errors (body parsing, size, media type) arrive wrapped, the original as the cause.
      const transport = fastifyCause(exception) && transportErrorResponse(fastifyCause(exception)!);
      if (transport) return transport;
      const status = exception.getStatus();
      const body = exception.getResponse();
      if (typeof body === 'object' && body !== null && 'errors' in body)
        return { status, body: body as ErrorResponse['body'] };
      return { status, body: { error: snake(HttpStatusName(status)), message: exception.message } };
    }
    return transportErrorResponse(exception as { statusCode?: number; code?: string }) ?? INTERNAL_ERROR;
  }
}

function fastifyCause(exception: HttpException): { code: string; statusCode?: number; message?: string } | undefined {
  const cause = exception.cause as { code?: unknown } | undefined;
  return typeof cause?.code === 'string' && cause.code.startsWith('FST_') ? (cause as { code: string }) : undefined;
}

export function wantsJson(request: FastifyRequest): boolean {
  const url = request.url;
  return (
    url.startsWith('/api/') ||
    url === '/api' ||
    url.startsWith('/health') ||
    !String(request.headers.accept ?? '').includes('text/html')
  );
}

function HttpStatusName(status: number): string {
  const names: Record<number, string> = {
    400: 'bad request',
    401: 'unauthorized',
    403: 'forbidden',
    404: 'not found',
    405: 'method not allowed',
    409: 'conflict',
    413: 'payload too large',
    415: 'unsupported media type',
    429: 'too many requests',
  };
  return names[status] ?? (status >= 500 ? 'internal error' : 'bad request');
}

function snake(text: string): string {
  return text.replace(/\s+/g, '_');
}
