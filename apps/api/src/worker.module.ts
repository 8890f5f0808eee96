import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule } from './config/config.module';
import { MailModule } from './mail/mail.module';
import { LoggingModule } from './observability/logging.module';
import { MetricsModule } from './observability/metrics.module';
import { PersistenceModule } from './persistence/persistence.module';
import type { Runtime } from './runtime/runtime';
import { ShutdownSequence } from './runtime/shutdown-sequence';

/** Only the email worker: for running extra senders beside the API processes, on the same database. */
@Module({})
export class WorkerModule {
  static forRoot(runtime: Runtime): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(runtime.config),
        LoggingModule.forRoot(runtime.config),
        MetricsModule.forRoot({ http: false }),
        PersistenceModule.forRoot(runtime),
        MailModule.forRoot(runtime),
      ],
      providers: [ShutdownSequence],
    };
  }
}
