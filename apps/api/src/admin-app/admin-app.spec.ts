import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import Fastify, { type FastifyInstance } from 'fastify';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serveAdminApp } from './admin-app';

/** The two calls serveAdminApp makes on a Nest application, on a bare Fastify instance. */
function asNestApp(fastify: FastifyInstance): NestFastifyApplication {
  return {
    register: (plugin: never, options: never) => fastify.register(plugin, options),
    getHttpAdapter: () => ({ getInstance: () => fastify }),
  } as unknown as NestFastifyApplication;
}

describe('serveAdminApp', () => {
  let root: string;
  let fastify: FastifyInstance;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'gatehouse-admin-app-'));
    await mkdir(path.join(root, 'assets'));
    await writeFile(path.join(root, 'index.html'), '<!doctype html><div id="root"></div>');
    await writeFile(path.join(root, 'assets', 'index-AbC123.js'), 'console.log(1)');
    await writeFile(path.join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    fastify = Fastify();
    await serveAdminApp(asNestApp(fastify), root);
    await fastify.ready();
  });

  afterAll(async () => {
    await fastify.close();
    await rm(root, { recursive: true, force: true });
  });

  it.each(['/admin', '/admin/', '/admin/users', '/admin/users/5b1f0c4e?q=x', '/admin/index.html'])(
    'answers %s with index.html, never cached',
    async (url) => {
      const response = await fastify.inject(url);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.body).toContain('<div id="root"></div>');
    },
  );

  it('serves hashed assets for a year and other files briefly', async () => {
    const script = await fastify.inject('/admin/assets/index-AbC123.js');
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const icon = await fastify.inject('/admin/favicon.svg');
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['cache-control']).toBe('public, max-age=0');
  });

  it('answers a missing asset 404 rather than with the page, and stays inside its directory', async () => {
    expect((await fastify.inject('/admin/assets/gone-XyZ.js')).statusCode).toBe(404);
    const escape = await fastify.inject('/admin/..%2f..%2fetc%2fpasswd');
    expect(escape.body).not.toContain('root:');
  });

  it('says how to build the dashboard when there is no build', async () => {
    const bare = Fastify();
    await serveAdminApp(asNestApp(bare), path.join(root, 'not-built'));
    const response = await bare.inject('/admin/users');
    expect(response.statusCode).toBe(503);
    expect(response.body).toMatch(/The dashboard is not built[\s\S]*npm run build/);
    await bare.close();
  });
});
