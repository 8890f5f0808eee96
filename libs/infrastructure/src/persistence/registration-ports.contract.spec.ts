import {
  describeRegistrationPortsContract,
  type RegistrationPortsUnderTest,
} from '@gatehouse/domain/testing/registration-ports.contract';
import type { DataSource } from 'typeorm';
import { OutboxPayloadCipher } from '../mail/outbox-payload.cipher';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { TypeOrmConfirmations } from './confirmations.typeorm-repository';
import { createDataSource, runMigrations } from './data-source';
import { TypeOrmUnitOfWork } from './typeorm.unit-of-work';

// The same contract runs against the in-memory fakes in libs/domain/src/testing/in-memory-ports.contract.spec.ts.
const settings = {
  cipher: new OutboxPayloadCipher('contract-test-secret-0123456789abcdef'),
  messageIdDomain: 'example.test',
  webhookUrls: [],
};
let database: TestDatabase;
let dataSource: DataSource;
let ports: RegistrationPortsUnderTest;

beforeAll(async () => {
  database = await createTestDatabase();
  dataSource = createDataSource(database.url);
  await dataSource.initialize();
  await runMigrations(dataSource);
  ports = {
    unitOfWork: new TypeOrmUnitOfWork(dataSource, settings),
    confirmations: new TypeOrmConfirmations(dataSource, settings),
    async failEmailsTo(normalizedAddress) {
      await dataSource.query(`UPDATE email_outbox SET state = 'failed' WHERE recipient_normalized = $1`, [
        normalizedAddress,
      ]);
    },
  };
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

describeRegistrationPortsContract('The PostgreSQL adapters', () => ports);
