import { Logger } from '@nestjs/common';
import { ConfigError, describeSettings, loadConfig } from './config/app-config';
import { createApp } from './bootstrap';
import { startLocalServices } from './runtime/local-services';

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

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received: finishing requests and emails in flight, then stopping`);
    await app.close();
    await local.stop();
    process.exit(0);
  };
  process.on('SIGINT', (signal) => void stop(signal));
  process.on('SIGTERM', (signal) => void stop(signal));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error('Gatehouse could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
