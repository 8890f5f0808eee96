import { LoggerModule } from 'nestjs-pino';
import type { DynamicModule } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { DestinationStream } from 'pino';
import type { AppConfig } from '../config/app-config';

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/**
 * Fastify's request id: a caller's X-Request-Id when it is a sane token (a load balancer's), otherwise a fresh
 * one. pino-http takes the same id, so every log line of a request carries it.
 */
export function requestId(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * Structured logs through pino: JSON lines in production, readable lines in development, the request id on
 * every line written while a request is handled. Query strings are never logged (a confirmation link carries
 * its token there), nor bodies, cookies or credentials.
 */
export function loggingModule(config: AppConfig, destination?: DestinationStream): DynamicModule {
  const pretty = config.logFormat === 'pretty' && !destination;
  const options = {
    level: config.logLevel,
    genReqId: requestId,
    autoLogging: { ignore: (request: IncomingMessage) => request.url === '/health/live' || request.url === '/metrics' },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        '*.password',
        '*.token',
        '*.code',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (request: { id: unknown; method: string; url: string }) => ({
        id: request.id,
        method: request.method,
        path: request.url.split('?')[0],
      }),
      res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
    },
    ...(pretty
      ? { transport: { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss' } } }
      : {}),
  };
  return LoggerModule.forRoot({ pinoHttp: destination ? [options, destination] : options });
}
