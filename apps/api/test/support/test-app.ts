import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createTestDatabase, type TestDatabase } from '@gatehouse/infrastructure/testing/test-database';
import { type Pool } from 'pg';
import type { DestinationStream } from 'pino';
import { createApp } from '../../src/bootstrap';
import { loadConfig } from '../../src/config/app-config';
import { SmtpSink } from '@gatehouse/infrastructure/testing/smtp-sink';
import { TEST_SETTINGS } from './test-settings';

export const TEST_APP_URL = 'https://gatehouse.test';
export const TEST_APP_SECRET = 'test-secret-that-is-long-enough-0123456789';

export interface TestApp {
  app: NestFastifyApplication;
  /** Where the test reaches the running server, a real HTTP listener on 127.0.0.1. */
  baseUrl: string;
  /** A pool on the app's own database, to check what was stored. */
  db: Pool;
  database: TestDatabase;
  close(): Promise<void>;
}

/**
 * The real application on a database of its own, sending to the given SMTP server. Timing settings are
 * shortened so retries happen within a test, and limits and answer times are the tests' (TEST_SETTINGS);
 * everything else is as in production.
 */
export async function startTestApp(
  smtp: SmtpSink,
  env: Record<string, string> = {},
  options: { logDestination?: DestinationStream } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    APP_URL: TEST_APP_URL,
    APP_SECRET: TEST_APP_SECRET,
    OUTBOX_POLL_INTERVAL: '50ms',
    OUTBOX_RETRY_BASE: '100ms',
    OUTBOX_RETRY_MAX: '1s',
    OUTBOX_LEASE: '5s',
    LOG_LEVEL: 'error',
    LOG_FORMAT: 'json',
    ...TEST_SETTINGS,
    ...env,
  });
  const app = await createApp(
    { config, databaseUrl: database.url, smtpUrl: smtp.url, appSecret: TEST_APP_SECRET },
    options,
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const db = database.pool({ max: 2 });
  return {
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    db,
    database,
    async close() {
      await app.close();
      await db.end();
      await database.drop();
    },
  };
}

export async function postJson(baseUrl: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json: json as Record<string, unknown> };
}

export async function postForm(
  baseUrl: string,
  path: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: response.status, headers: response.headers, html: await response.text() };
}

export interface RunningTestApp {
  readonly smtp: SmtpSink;
  readonly gatehouse: TestApp;
}

/** Starts an SMTP sink and the app before the file's tests and stops both after them. */
export function useTestApp(
  env: Record<string, string> = {},
  options: { logDestination?: DestinationStream } = {},
): RunningTestApp {
  const running: { smtp?: SmtpSink; gatehouse?: TestApp } = {};
  beforeAll(async () => {
    running.smtp = await SmtpSink.start();
    running.gatehouse = await startTestApp(running.smtp, env, options);
  });
  afterAll(async () => {
    await running.gatehouse?.close();
    await running.smtp?.down();
  });
  return {
    get smtp() {
      if (!running.smtp) throw new Error('The SMTP sink starts in beforeAll.');
      return running.smtp;
    },
    get gatehouse() {
      if (!running.gatehouse) throw new Error('The app starts in beforeAll.');
      return running.gatehouse;
    },
  };
}
