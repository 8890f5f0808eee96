// Before any other import: it sizes libuv's thread pool, which must happen before the pool first starts.
import './runtime/thread-pool';
import { Logger } from '@nestjs/common';
import { PrepareFirstAdmin, type FirstAdminOutcome } from '@gatehouse/domain/use-cases/prepare-first-admin.use-case';
import { ConfigError, describeSettings, loadConfig } from './config/app-config';
import { createApp } from './bootstrap';
import { startLocalServices } from './runtime/local-services';
import { stopOnSignals } from './runtime/stop-on-signals';

async function main(): Promise<void> {
  if (process.argv.includes('--help')) {
    console.log(
      `Gatehouse reads these environment variables (all optional outside production):\n\n${describeSettings()}`,
    );
    return;
  }
  const config = loadConfig(process.env);
  const logger = new Logger('Gatehouse');
  const local = await startLocalServices(config, (line) => logger.log(line));
  const app = await createApp(local.runtime).catch(async (error: unknown) => {
    await local.stop();
    throw error;
  });
  await app.listen({ port: config.port, host: config.host });

  const url = config.appUrl;
  const lines = [
    'Gatehouse is running',
    `  Registration page   ${url}/`,
    local.runtime.devInbox
      ? `  Development inbox   ${url}/dev/inbox`
      : `  Email               sent through ${new URL(local.runtime.smtpUrl).host}`,
    `  Health              ${url}/health/ready`,
    `  Dashboard           ${url}/admin`,
    `  Back office API     ${url}/api/docs`,
    ...firstAdminLines(
      await app.get(PrepareFirstAdmin).execute({ adminEmail: config.adminEmail, adminPassword: config.adminPassword }),
      url,
    ),
  ];
  console.log(`\n${lines.join('\n')}\n`);

  stopOnSignals(logger, 'requests and emails', async () => {
    await app.close();
    await local.stop();
  });
}

function firstAdminLines(outcome: FirstAdminOutcome, url: string): string[] {
  switch (outcome.kind) {
    case 'created':
      return [`  First admin         ${outcome.email} (from ADMIN_EMAIL), created now`];
    case 'setup_link':
      return [
        `  First admin setup   ${url}/admin/setup?token=${outcome.secret}`,
        `                      one-time link, valid until ${outcome.expiresAt.toISOString()}; restart for a new one`,
      ];
    default:
      return [];
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error('Gatehouse could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
