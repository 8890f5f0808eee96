import 'reflect-metadata';
import { PostgresSigningKeys } from '@gatehouse/infrastructure/oidc/postgres.signing-keys';
import { SigningKeyCipher } from '@gatehouse/infrastructure/oidc/signing-key.cipher';
import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { MetricsModule } from './observability/metrics.module';
import { PersistenceModule } from './persistence/persistence.module';
import { startLocalServices } from './runtime/local-services';
import type { Runtime } from './runtime/runtime';

const USAGE = `Usage: npm run keys -- rotate

Adds a new signing key for the OpenID Connect provider. Every instance signs with it from its next start;
the keys it replaces stay published (JWKS) for a day, so tokens they signed keep verifying until they expire.
Uses DATABASE_URL and APP_SECRET, or the embedded PostgreSQL and secret of \`npm start\` when they are unset.`;

class UsageError extends Error {}

/** What `npm run keys` needs of the application: its configuration and its persistence. */
@Module({})
class KeysCliModule {
  static forRoot(runtime: Runtime): DynamicModule {
    return {
      module: KeysCliModule,
      imports: [
        ConfigModule.forRoot(runtime.config),
        MetricsModule.forRoot({ http: false }),
        PersistenceModule.forRoot(runtime),
      ],
    };
  }
}

/** `npm run keys -- rotate`: a new signing key, the old ones kept for verifying. */
async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: { help: { type: 'boolean' } },
  });
  if (values.help || positionals[0] !== 'rotate') throw new UsageError(values.help ? '' : 'Say what to do: rotate.');
  const config = loadConfig(process.env);
  // Nothing is emailed here, so no SMTP server (nor the development inbox) is started.
  const local = await startLocalServices({ ...config, smtpUrl: config.smtpUrl ?? 'smtp://unused.invalid:25' }, (line) =>
    console.error(line),
  );
  const context = await NestFactory.createApplicationContext(KeysCliModule.forRoot(local.runtime), { logger: false });
  try {
    const keys = new PostgresSigningKeys(context.get(DataSource), new SigningKeyCipher(local.runtime.appSecret));
    const kid = await keys.rotate();
    console.log(`Added signing key ${kid}. Instances sign with it from their next start; older keys verify for a day.`);
  } finally {
    await context.close();
    await local.stop();
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    if (error.message) console.error(error.message);
    console.error(USAGE);
    process.exit(error.message ? 2 : 0);
  }
  console.error(
    error instanceof ConfigError
      ? error.message
      : `Could not rotate the keys: ${error instanceof Error ? error.message : error}`,
  );
  process.exit(1);
});
