import { SOFT_BOUNCE_WINDOW_MS, SuppressionRule } from '@gatehouse/domain/deliverability/suppression';
import { Clock } from '@gatehouse/domain/ports/clock.port';
import { DeliverabilityMetrics } from '@gatehouse/domain/ports/deliverability-metrics.port';
import { DeliveryEvents } from '@gatehouse/domain/ports/delivery-events.port';
import { RecordDeliveryEvent } from '@gatehouse/domain/use-cases/record-delivery-event.use-case';
import { MailgunWebhook } from '@gatehouse/infrastructure/deliverability/mailgun.webhook';
import { PostmarkWebhook } from '@gatehouse/infrastructure/deliverability/postmark.webhook';
import { SendGridWebhook } from '@gatehouse/infrastructure/deliverability/sendgrid.webhook';
import { SesWebhook } from '@gatehouse/infrastructure/deliverability/ses.webhook';
import { OutboxPayloadCipher } from '@gatehouse/infrastructure/mail/outbox-payload.cipher';
import { TypeOrmDeliveryEventNonces } from '@gatehouse/infrastructure/persistence/delivery-event-nonces.typeorm-repository';
import { TypeOrmDeliveryEvents } from '@gatehouse/infrastructure/persistence/delivery-events.typeorm-repository';
import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { messageIdDomain } from '../persistence/persistence.module';
import { EmailEventsController } from './email-events.controller';

/** Provider webhooks in: each verified and parsed by its adapter, every event recorded by one use case. */
@Module({
  controllers: [EmailEventsController],
  providers: [
    {
      provide: DeliveryEvents,
      useFactory: (dataSource: DataSource, cipher: OutboxPayloadCipher, config: AppConfig) =>
        new TypeOrmDeliveryEvents(dataSource, {
          cipher,
          messageIdDomain: messageIdDomain(config.mailFrom),
          webhookUrls: config.webhookUrls,
        }),
      inject: [DataSource, OutboxPayloadCipher, AppConfig],
    },
    {
      provide: RecordDeliveryEvent,
      useFactory: (deliveryEvents: DeliveryEvents, clock: Clock, config: AppConfig, metrics: DeliverabilityMetrics) =>
        new RecordDeliveryEvent(
          deliveryEvents,
          new SuppressionRule({
            softBounceLimit: config.softBounceLimit,
            softBounceWindowMs: SOFT_BOUNCE_WINDOW_MS,
            softBounceSuppressionMs: config.softBounceSuppressionMs,
          }),
          clock,
          metrics,
        ),
      inject: [DeliveryEvents, Clock, AppConfig, DeliverabilityMetrics],
    },
    {
      provide: PostmarkWebhook,
      useFactory: (config: AppConfig) =>
        new PostmarkWebhook({ user: config.postmarkWebhookUser, password: config.postmarkWebhookPassword }),
      inject: [AppConfig],
    },
    {
      provide: MailgunWebhook,
      useFactory: (config: AppConfig, dataSource: DataSource) =>
        new MailgunWebhook(config.mailgunWebhookSigningKey, new TypeOrmDeliveryEventNonces(dataSource)),
      inject: [AppConfig, DataSource],
    },
    {
      provide: SendGridWebhook,
      useFactory: (config: AppConfig) => new SendGridWebhook(config.sendgridWebhookPublicKey),
      inject: [AppConfig],
    },
    {
      provide: SesWebhook,
      useFactory: (config: AppConfig) =>
        new SesWebhook({
          certHosts: config.sesSnsCertHosts,
          // https only in production; elsewhere a loopback host named in SES_SNS_CERT_HOSTS may serve over http.
          allowLoopbackHttp: config.nodeEnv !== 'production',
        }),
      inject: [AppConfig],
    },
  ],
})
export class DeliverabilityModule {}
