import { Clock } from '@gatehouse/domain/ports/clock.port';
import { PasswordHasher } from '@gatehouse/domain/ports/password-hasher.port';
import { RandomSource } from '@gatehouse/domain/ports/random-source.port';
import { TokenDigester } from '@gatehouse/domain/ports/token-digester.port';
import { NewAccounts } from '@gatehouse/domain/ports/new-accounts.port';
import { UnitOfWork } from '@gatehouse/domain/ports/unit-of-work.port';
import { Argon2PasswordHasher } from '@gatehouse/infrastructure/hashing/argon2.password-hasher';
import { OutboxPayloadCipher } from '@gatehouse/infrastructure/mail/outbox-payload.cipher';
import { PrometheusMetrics } from '@gatehouse/infrastructure/observability/prometheus.metrics';
import { dataSourceOptions, runMigrations } from '@gatehouse/infrastructure/persistence/data-source';
import type { OutboxSettings } from '@gatehouse/infrastructure/persistence/email-outbox.typeorm-repository';
import { TypeOrmNewAccounts } from '@gatehouse/infrastructure/persistence/new-accounts.typeorm-repository';
import { TypeOrmUnitOfWork } from '@gatehouse/infrastructure/persistence/typeorm.unit-of-work';
import { HmacSha256TokenDigester } from '@gatehouse/infrastructure/security/hmac-sha256.token-digester';
import { NodeCryptoRandomSource } from '@gatehouse/infrastructure/security/node-crypto.random-source';
import { SystemClock } from '@gatehouse/infrastructure/time/system.clock';
import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { Runtime } from '../runtime/runtime';

/** Binds the domain's ports to their adapters: PostgreSQL, argon2id, HMAC digests, the system clock. */
@Global()
@Module({})
export class PersistenceModule {
  static forRoot(runtime: Runtime): DynamicModule {
    const { config } = runtime;
    const outboxSettings = (cipher: OutboxPayloadCipher): OutboxSettings => ({
      cipher,
      messageIdDomain: messageIdDomain(config.mailFrom),
      webhookUrls: config.webhookUrls,
    });
    return {
      module: PersistenceModule,
      imports: [
        // Provides DataSource (and repositories through TypeOrmModule.forFeature) to every module.
        TypeOrmModule.forRootAsync({
          useFactory: () => ({
            ...dataSourceOptions(runtime.databaseUrl, { poolSize: config.databasePoolSize }),
            // A database that cannot be reached, or a migration that fails, stops the start at once, as it
            // always has: no retries in a loop, no "Unable to connect" lines.
            toRetry: () => false,
          }),
          dataSourceFactory: (options) => migratedDataSource(options!),
        }),
      ],
      providers: [
        { provide: OutboxPayloadCipher, useValue: new OutboxPayloadCipher(runtime.appSecret) },
        {
          provide: UnitOfWork,
          useFactory: (dataSource: DataSource, cipher: OutboxPayloadCipher) =>
            new TypeOrmUnitOfWork(dataSource, outboxSettings(cipher)),
          inject: [DataSource, OutboxPayloadCipher],
        },
        {
          provide: NewAccounts,
          useFactory: (dataSource: DataSource, cipher: OutboxPayloadCipher) =>
            new TypeOrmNewAccounts(dataSource, outboxSettings(cipher)),
          inject: [DataSource, OutboxPayloadCipher],
        },
        {
          provide: PasswordHasher,
          useFactory: (metrics: PrometheusMetrics) =>
            new Argon2PasswordHasher(
              {
                memoryCost: config.argon2MemoryKib,
                timeCost: config.argon2TimeCost,
                parallelism: config.argon2Parallelism,
              },
              (seconds) => metrics.passwordHashSeconds.observe(seconds),
            ),
          inject: [PrometheusMetrics],
        },
        { provide: TokenDigester, useValue: new HmacSha256TokenDigester(runtime.appSecret) },
        { provide: RandomSource, useClass: NodeCryptoRandomSource },
        { provide: Clock, useClass: SystemClock },
      ],
      exports: [OutboxPayloadCipher, UnitOfWork, NewAccounts, PasswordHasher, TokenDigester, RandomSource, Clock],
    };
  }
}

/** Connects, then applies pending migrations (one instance at a time, see runMigrations) before anything runs. */
async function migratedDataSource(options: DataSourceOptions): Promise<DataSource> {
  const dataSource = new DataSource(options);
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}

/** The sender's domain names our Message-IDs, as RFC 5322 suggests. */
export function messageIdDomain(mailFrom: string): string {
  const match = /@([^@\s>]+)>?\s*$/.exec(mailFrom);
  return match ? match[1] : 'gatehouse.localhost';
}
