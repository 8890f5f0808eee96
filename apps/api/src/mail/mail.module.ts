import { EmailComposer } from '@gatehouse/infrastructure/mail/email-composer';
import { MailerMailTransport } from '@gatehouse/infrastructure/mail/mailer.mail-transport';
import { MailTransport } from '@gatehouse/infrastructure/mail/mail-transport';
import { OutboxPayloadCipher } from '@gatehouse/infrastructure/mail/outbox-payload.cipher';
import { OutboxWorker } from '@gatehouse/infrastructure/mail/outbox-worker';
import { WebhookSender } from '@gatehouse/infrastructure/webhooks/webhook-sender';
import { MailerModule, MailerService } from '@nestjs-modules/mailer';
import { Logger, Module, type DynamicModule } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Runtime } from '../runtime/runtime';
import { smtpTransportOptions } from '@gatehouse/infrastructure/mail/smtp-transport-options';

/** Mail content (templates), mail transport (SMTP through the mailer) and the outbox worker between them. */
@Module({})
export class MailModule {
  static forRoot(runtime: Runtime): DynamicModule {
    const { config } = runtime;
    const composer = new EmailComposer({
      appUrl: config.appUrl,
      productName: config.productName,
      supportEmail: config.supportEmail,
      brandColor: config.brandColor,
    });
    return {
      module: MailModule,
      imports: [
        MailerModule.forRoot({
          transport: smtpTransportOptions(runtime.smtpUrl, {
            connections: config.smtpPoolSize,
            ratePerSecond: config.smtpRateLimit,
            timeoutMs: config.smtpTimeoutMs,
          }),
          // The mailer renders each email's HTML part from the composer's templates; the composer says what is in it.
          ...composer.mailerTemplateOptions,
        }),
      ],
      providers: [
        { provide: EmailComposer, useValue: composer },
        {
          provide: MailTransport,
          useFactory: (mailer: MailerService) => new MailerMailTransport(mailer),
          inject: [MailerService],
        },
        {
          provide: OutboxWorker,
          useFactory: (
            dataSource: DataSource,
            cipher: OutboxPayloadCipher,
            composer: EmailComposer,
            transport: MailTransport,
          ) =>
            new OutboxWorker(
              dataSource,
              cipher,
              composer,
              transport,
              {
                from: config.mailFrom,
                pollIntervalMs: config.outboxPollIntervalMs,
                batchSize: config.outboxBatchSize,
                leaseMs: config.outboxLeaseMs,
                maxAttempts: config.outboxMaxAttempts,
                retryBaseMs: config.outboxRetryBaseMs,
                maxRetryDelayMs: config.outboxRetryMaxMs,
                emailCap: config.emailLimitGlobal,
              },
              new Logger('OutboxWorker'),
              config.webhookSecret ? new WebhookSender(config.webhookSecret, config.webhookTimeoutMs) : undefined,
            ),
          inject: [DataSource, OutboxPayloadCipher, EmailComposer, MailTransport],
        },
      ],
      exports: [OutboxWorker, EmailComposer],
    };
  }
}
