import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { stat } from 'node:fs/promises';
import path from 'node:path';

/** Where the dashboard lives, under the API's own origin (so its session cookie needs no CORS). */
export const ADMIN_APP_PATH = '/admin';

const HASHED_ASSETS = 'assets/';
const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

/**
 * The Vite build of apps/admin: dist/admin, whether this file runs compiled (dist/apps/api/src/admin-app) or from
 * its sources in the tests (apps/api/src/admin-app, after jest's global setup has built dist/).
 */
export function adminAppRoot(): string {
  const up = path.resolve(__dirname, '../../../..');
  return path.basename(up) === 'dist' ? path.join(up, 'admin') : path.join(up, 'dist', 'admin');
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/**
 * Serves the dashboard's built files at /admin with @fastify/static. Hashed assets are cached for a year; any
 * other path that is not a file is a page of the single-page app and gets index.html, never cached, so a new
 * deployment is picked up at the next visit. Without a build it says how to make one instead of failing.
 */
export async function serveAdminApp(app: NestFastifyApplication, root = adminAppRoot()): Promise<void> {
  // serve: false: no routes of its own, only reply.sendFile (which refuses paths outside the root).
  await app.register(fastifyStatic, { serve: false });
  const fastify = app.getHttpAdapter().getInstance();

  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    if (!(await isFile(path.join(root, 'index.html')))) {
      return reply
        .code(503)
        .header('Content-Type', 'text/plain; charset=utf-8')
        .header('Cache-Control', 'no-store')
        .send(
          `The dashboard is not built: ${path.join(root, 'index.html')} is missing.\n` +
            'Run `npm run build` (`npm start` builds it too), or `npm run dev` for the development server.\n',
        );
    }
    const wildcard = (request.params as { '*'?: string })['*'] ?? '';
    const relative = path.posix.normalize(`/${wildcard}`).slice(1);
    if (relative && relative !== 'index.html' && (await isFile(path.join(root, relative)))) {
      const hashed = relative.startsWith(HASHED_ASSETS);
      return reply.sendFile(relative, root, hashed ? { maxAge: YEAR_MS, immutable: true } : { maxAge: 0 });
    }
    // A missing script or stylesheet is a 404, not the page: HTML in its place only hides the real problem.
    if (relative.startsWith(HASHED_ASSETS)) {
      return reply.code(404).header('Content-Type', 'text/plain; charset=utf-8').send('Not found\n');
    }
    return reply.header('Cache-Control', 'no-cache').sendFile('index.html', root, { cacheControl: false });
  };

  fastify.get(ADMIN_APP_PATH, handler);
  fastify.get(`${ADMIN_APP_PATH}/*`, handler);
}
