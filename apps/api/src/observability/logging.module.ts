import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import pino, { type DestinationStream, type Logger as Pino } from 'pino';
import { AppConfig } from '../config/app-config';
import { PinoNestLogger } from './pino-nest.logger';

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/**
 * Fastify's request id: a caller's X-Request-Id when it is a sane token (a load balancer's), otherwise a fresh
 * one. Every log line about a request carries it.
 */
export function requestId(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/** The one pino logger of the process, for Nest's Logger (through PinoNestLogger) and the request log. */
export abstract class RootLogger {
  abstract readonly pino: Pino;
}

/**
 * Structured logs through pino: JSON lines in production, readable lines in development. Nothing logged carries
 * a query string (a confirmation link carries its token there), a body, a cookie or a credential, and the
 * redaction below is the second line of that defence.
 */
export function createRootLogger(config: AppConfig, destination?: DestinationStream): Pino {
  const pretty = config.logFormat === 'pretty' && !destination;
  const options = {
    level: config.logLevel,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.token', '*.code'],
      censor: '[redacted]',
    },
    ...(pretty
      ? { transport: { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss' } } }
      : {}),
  };
  return destination ? pino(options, destination) : pino(options);
}

@Global()
@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig, destination?: DestinationStream): DynamicModule {
    const root: RootLogger = { pino: createRootLogger(config, destination) };
    return {
      module: LoggingModule,
      providers: [
        { provide: RootLogger, useValue: root },
        { provide: PinoNestLogger, useValue: new PinoNestLogger(root.pino) },
      ],
      exports: [RootLogger, PinoNestLogger],
    };
  }
}
