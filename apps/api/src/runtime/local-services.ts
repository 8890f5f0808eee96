import { loadOrCreateAppSecret } from '@gatehouse/infrastructure/local/app-secret';
import { DevInbox } from '@gatehouse/infrastructure/local/dev-inbox';
import { runningEmbeddedPostgres, startEmbeddedPostgres } from '@gatehouse/infrastructure/local/embedded-postgres';
import { Client } from 'pg';
import path from 'node:path';
import type { AppConfig } from '../config/app-config';
import type { Runtime } from './runtime';

export interface LocalServices {
  runtime: Runtime;
  stop(): Promise<void>;
}

const LOCAL_DATABASE = 'gatehouse';

/**
 * Fills in what the configuration left unset, so `npm start` needs nothing: an embedded PostgreSQL
 * without DATABASE_URL, the development inbox without SMTP_URL, a generated secret without APP_SECRET.
 */
export async function startLocalServices(config: AppConfig, log: (line: string) => void): Promise<LocalServices> {
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const step of stops.reverse()) await step().catch(() => undefined);
  };
  try {
    let databaseUrl = config.databaseUrl;
    if (!databaseUrl) {
      const running = await runningEmbeddedPostgres(config.embeddedPostgresPort);
      if (running) {
        log(
          `No DATABASE_URL: using the embedded PostgreSQL already running on 127.0.0.1:${config.embeddedPostgresPort}`,
        );
        await ensureDatabase(running.serverUrl, LOCAL_DATABASE);
        databaseUrl = running.urlFor(LOCAL_DATABASE);
      } else {
        log(
          `No DATABASE_URL: starting the embedded PostgreSQL on 127.0.0.1:${config.embeddedPostgresPort} (data in ${path.join(config.dataDir, 'postgres')})`,
        );
        const server = await startEmbeddedPostgres({
          dataDir: path.join(config.dataDir, 'postgres'),
          port: config.embeddedPostgresPort,
          persistent: true,
        });
        stops.push(() => server.stop());
        await ensureDatabase(server.serverUrl, LOCAL_DATABASE);
        databaseUrl = server.urlFor(LOCAL_DATABASE);
      }
    }

    let smtpUrl = config.smtpUrl;
    let devInbox: DevInbox | undefined;
    if (!smtpUrl) {
      devInbox = new DevInbox(path.join(config.dataDir, 'inbox'));
      await devInbox.start(config.devInboxSmtpPort);
      const inbox = devInbox;
      stops.push(() => inbox.stop());
      smtpUrl = `smtp://127.0.0.1:${config.devInboxSmtpPort}`;
    }

    const appSecret = config.appSecret ?? (await loadOrCreateAppSecret(config.dataDir));
    return { runtime: { config, databaseUrl, smtpUrl, appSecret, devInbox }, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function ensureDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
}
