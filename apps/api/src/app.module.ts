import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule } from './config/config.module';
import type { DestinationStream } from 'pino';
import { AdminModule } from './admin/admin.module';
import { ConfirmationModule } from './confirmation/confirmation.module';
import { DeliverabilityModule } from './deliverability/deliverability.module';
import { DevInboxModule } from './dev-inbox/dev-inbox.module';
import { HealthModule } from './health/health.module';
import { MailModule } from './mail/mail.module';
import { MaintenanceModule } from './maintenance/maintenance.module';
import { LoggingModule } from './observability/logging.module';
import { MetricsModule } from './observability/metrics.module';
import { OidcModule } from './oidc/oidc.module';
import { PersistenceModule } from './persistence/persistence.module';
import { RateLimitsModule } from './rate-limits/rate-limits.module';
import { RegistrationModule } from './registration/registration.module';
import type { Runtime } from './runtime/runtime';
import { ShutdownSequence } from './runtime/shutdown-sequence';
import { ViewsModule } from './views/views.module';

@Module({})
export class AppModule {
  static forRoot(runtime: Runtime, logDestination?: DestinationStream): DynamicModule {
    const devInboxUrl = runtime.devInbox ? `${runtime.config.appUrl}/dev/inbox` : undefined;
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(runtime.config),
        LoggingModule.forRoot(runtime.config, logDestination),
        MetricsModule.forRoot({ http: true }),
        PersistenceModule.forRoot(runtime),
        RateLimitsModule.forRoot(runtime.config),
        ViewsModule.forRoot(runtime.config.productName),
        MailModule.forRoot(runtime),
        RegistrationModule.forRoot(devInboxUrl),
        ConfirmationModule,
        HealthModule,
        MaintenanceModule,
        AdminModule.forRoot(runtime),
        DeliverabilityModule,
        OidcModule.forRoot(runtime),
        ...(runtime.devInbox ? [DevInboxModule.forRoot(runtime.devInbox)] : []),
      ],
      providers: [ShutdownSequence],
    };
  }
}
