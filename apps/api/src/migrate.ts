import { createDataSource, runMigrations } from '@gatehouse/infrastructure/persistence/data-source';
import { ConfigError, loadConfig } from './config/app-config';
import { startLocalServices } from './runtime/local-services';

/** `npm run migrate`: applies pending migrations and exits, for deployments that migrate before starting. */
async function migrate(): Promise<void> {
  const config = loadConfig(process.env);
  const local = await startLocalServices({ ...config, smtpUrl: config.smtpUrl ?? 'smtp://unused.invalid:25' }, (line) =>
    console.log(line),
  );
  const dataSource = createDataSource(local.runtime.databaseUrl);
  try {
    await dataSource.initialize();
    const applied = await runMigrations(dataSource);
    console.log(
      applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}` : 'The database is up to date.',
    );
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await local.stop();
  }
}

migrate().catch((error: unknown) => {
  console.error(
    error instanceof ConfigError
      ? error.message
      : `Migration failed: ${error instanceof Error ? error.message : error}`,
  );
  process.exit(1);
});
