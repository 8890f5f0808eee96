import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { PinoNestLogger } from './observability/pino-nest.logger';
import { ConfigError, loadConfig } from './config/app-config';
import { startLocalServices } from './runtime/local-services';
import { stopOnSignals } from './runtime/stop-on-signals';
import { WorkerModule } from './worker.module';

/**
 * `npm run worker`: an email worker without the HTTP server. Every API process already runs one; start
 * more of these to send faster. They share the outbox safely (FOR UPDATE SKIP LOCKED and a lease).
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  if (!config.databaseUrl || !config.smtpUrl) {
    throw new ConfigError([
      'A separate worker needs DATABASE_URL and SMTP_URL: it shares the API processes’ database.',
    ]);
  }
  const logger = new Logger('Worker');
  const local = await startLocalServices(config, (line) => logger.log(line));
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(local.runtime), {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(PinoNestLogger));
  await app.init();
  logger.log('Email worker running');
  stopOnSignals(logger, 'the emails', async () => {
    await app.close();
    await local.stop();
  });
}

main().catch((error: unknown) => {
  console.error(
    error instanceof ConfigError
      ? error.message
      : `The worker could not start: ${error instanceof Error ? error.message : error}`,
  );
  process.exit(1);
});
