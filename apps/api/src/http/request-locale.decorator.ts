import { negotiateLocale } from '@gatehouse/infrastructure/i18n/locale';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/** The visitor's language from Accept-Language: English unless they prefer one Gatehouse speaks. */
export const RequestLocale = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  const header = request.headers['accept-language'];
  return negotiateLocale(Array.isArray(header) ? header[0] : header);
});
