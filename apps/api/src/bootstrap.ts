import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { LoggerService, LogLevel } from '@nestjs/common';
import { AppModule } from './app.module';
import { HttpErrorFilter } from './http/http-error.filter';
import { createValidationPipe } from './http/validation.pipe';
import type { Runtime } from './runtime/runtime';
import { ViewRenderer } from './views/view-renderer';

export const BODY_LIMIT_BYTES = 16 * 1024;

/** Builds the application (used by main.ts and by the end-to-end tests): Fastify, global pipe and filter. */
export async function createApp(
  runtime: Runtime,
  options: { logger?: LoggerService | LogLevel[] | false } = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES, trustProxy: false });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(runtime), adapter, {
    logger: options.logger ?? ['log', 'warn', 'error'],
    abortOnError: false,
  });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter(app.get(ViewRenderer)));
  await app.init();
  return app;
}
