import { describeStaffPortsContract } from '@gatehouse/domain/testing/staff-ports.contract';
import type { DataSource } from 'typeorm';
import { OutboxPayloadCipher } from '../mail/outbox-payload.cipher';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { createDataSource, runMigrations } from './data-source';
import { TypeOrmUnitOfWork } from './typeorm.unit-of-work';

// The same contract runs against the in-memory fakes in libs/domain/src/testing/in-memory-staff-ports.contract.spec.ts.
let database: TestDatabase;
let dataSource: DataSource;
let unitOfWork: TypeOrmUnitOfWork;

beforeAll(async () => {
  database = await createTestDatabase();
  dataSource = createDataSource(database.url);
  await dataSource.initialize();
  await runMigrations(dataSource);
  unitOfWork = new TypeOrmUnitOfWork(dataSource, {
    cipher: new OutboxPayloadCipher('contract-test-secret-0123456789abcdef'),
    messageIdDomain: 'example.test',
    webhookUrls: [],
  });
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

describeStaffPortsContract('The PostgreSQL adapters', () => unitOfWork);
