import { Logger } from '@nestjs/common';
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
  ];
  console.log(`\n${lines.join('\n')}\n`);

  stopOnSignals(logger, 'requests and emails', async () => {
    await app.close();
    await local.stop();
  });
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error('Gatehouse could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
