import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

export const OPENAPI_PATH = 'api/docs';

/** The back office's contract, browsable at /api/docs and as JSON at /api/docs-json (the dashboard's client is checked against it). */
export function serveOpenApi(app: NestFastifyApplication, cookieName: string): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Gatehouse back office API')
      .setDescription(
        'Staff sign in with POST /api/admin/session, which sets an HttpOnly session cookie and returns a CSRF token. ' +
          'Send the token as X-CSRF-Token on every POST, PATCH and DELETE. Every action that changes something takes a reason.',
      )
      .setVersion('1')
      .addCookieAuth(cookieName)
      .build(),
  );
  SwaggerModule.setup(OPENAPI_PATH, app, document, { jsonDocumentUrl: `${OPENAPI_PATH}-json`, raw: ['json'] });
}
