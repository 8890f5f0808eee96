import { DataSource, type DataSourceOptions } from 'typeorm';
import { CreateRegistrationSchema1764072000000 } from '../../../../migrations/1764072000000-create-registration-schema';
import { AddConfirmationCodes1764158400000 } from '../../../../migrations/1764158400000-add-confirmation-codes';
import { AddWebhookDeliveries1764244800000 } from '../../../../migrations/1764244800000-add-webhook-deliveries';
import { IndexSentEmails1764331200000 } from '../../../../migrations/1764331200000-index-sent-emails';
import { AddBackOffice1764417600000 } from '../../../../migrations/1764417600000-add-back-office';
import { CountUsersByStatus1764504000000 } from '../../../../migrations/1764504000000-count-users-by-status';
import { KeepEachSignUp1764600000000 } from '../../../../migrations/1764600000000-keep-each-sign-up';
import { KeyAddressesByAsciiDomain1764686400000 } from '../../../../migrations/1764686400000-key-addresses-by-ascii-domain';
import { AddOidcProviderStorage1764772800000 } from '../../../../migrations/1764772800000-add-oidc-provider-storage';
import { AddDeliverability1764900000000 } from '../../../../migrations/1764900000000-add-deliverability';
import { AddUserSignInThrottling1764950000000 } from '../../../../migrations/1764950000000-add-user-sign-in-throttling';
import { AuditLogRecord } from './audit-log.record';
import { ConfirmationCodeAttemptRecord } from './confirmation-code-attempt.record';
import { ConfirmationTokenRecord } from './confirmation-token.record';
import { DeliveryEventNonceRecord } from './delivery-event-nonce.record';
import { DeliveryEventRecord } from './delivery-event.record';
import { EmailOutboxRecord } from './email-outbox.record';
import { OidcPayloadRecord } from './oidc-payload.record';
import { OidcSigningKeyRecord } from './oidc-signing-key.record';
import { SignUpAttemptRecord } from './sign-up-attempt.record';
import { StaffMemberRecord } from './staff-member.record';
import { StaffSessionRecord } from './staff-session.record';
import { StaffSetupTokenRecord } from './staff-setup-token.record';
import { StaffSignInFailureRecord } from './staff-sign-in-failure.record';
import { UserSignInFailureRecord } from './user-sign-in-failure.record';
import { SuppressionRecord } from './suppression.record';
import { UserCountRecord } from './user-count.record';
import { UserRecord } from './user.record';

export const MIGRATIONS = [
  CreateRegistrationSchema1764072000000,
  AddConfirmationCodes1764158400000,
  AddWebhookDeliveries1764244800000,
  IndexSentEmails1764331200000,
  AddBackOffice1764417600000,
  CountUsersByStatus1764504000000,
  KeepEachSignUp1764600000000,
  KeyAddressesByAsciiDomain1764686400000,
  AddOidcProviderStorage1764772800000,
  AddDeliverability1764900000000,
  AddUserSignInThrottling1764950000000,
];

// Any constant works; it only has to be the same for every Gatehouse instance sharing a database.
const MIGRATION_LOCK_KEY = 7_351_822_011;

/** One entity per table: each table's columns are stated once, in its record. */
export const ENTITIES = [
  UserRecord,
  ConfirmationTokenRecord,
  EmailOutboxRecord,
  SignUpAttemptRecord,
  ConfirmationCodeAttemptRecord,
  UserCountRecord,
  StaffMemberRecord,
  StaffSessionRecord,
  StaffSignInFailureRecord,
  UserSignInFailureRecord,
  StaffSetupTokenRecord,
  AuditLogRecord,
  OidcPayloadRecord,
  OidcSigningKeyRecord,
  DeliveryEventRecord,
  SuppressionRecord,
  DeliveryEventNonceRecord,
];

/** How Gatehouse talks to PostgreSQL; the API's TypeOrmModule and createDataSource both start from here. */
export function dataSourceOptions(url: string, options: { poolSize?: number } = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    logging: false,
    applicationName: 'gatehouse',
    extra: { max: options.poolSize ?? 10 },
  };
}

/** A DataSource for the command line, the migrations script, tests and benchmarks (the API's comes from Nest). */
export function createDataSource(url: string, options: { poolSize?: number } = {}): DataSource {
  return new DataSource(dataSourceOptions(url, options));
}

/**
 * Applies pending migrations. An advisory lock makes instances that start together take turns,
 * so a migration never runs twice.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}

export async function hasPendingMigrations(dataSource: DataSource): Promise<boolean> {
  return dataSource.showMigrations();
}
