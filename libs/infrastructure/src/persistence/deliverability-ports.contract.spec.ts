import {
  describeDeliverabilityPortsContract,
  type DeliverabilityPortsUnderTest,
} from '@gatehouse/domain/testing/deliverability-ports.contract';
import { aUser } from '@gatehouse/domain/testing/user.factory';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { OutboxPayloadCipher } from '../mail/outbox-payload.cipher';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { createDataSource, runMigrations } from './data-source';
import { TypeOrmDeliveryEvents } from './delivery-events.typeorm-repository';
import { SUPPRESSIONS_OF, suppressionFromRow, type SuppressionRow } from './suppression.record';
import { TypeOrmUnitOfWork } from './typeorm.unit-of-work';

// The same contract runs against the in-memory fake in libs/domain/src/testing.
const settings = {
  cipher: new OutboxPayloadCipher('contract-test-secret-0123456789abcdef'),
  messageIdDomain: 'example.test',
  webhookUrls: [],
};
let database: TestDatabase;
let dataSource: DataSource;
let ports: DeliverabilityPortsUnderTest;

beforeAll(async () => {
  database = await createTestDatabase();
  dataSource = createDataSource(database.url);
  await dataSource.initialize();
  await runMigrations(dataSource);
  const unitOfWork = new TypeOrmUnitOfWork(dataSource, settings);
  ports = {
    deliveryEvents: new TypeOrmDeliveryEvents(dataSource, settings),
    async sentEmail(address) {
      const user = aUser({ id: randomUUID(), email: address });
      await unitOfWork.run(async ({ users, outbox }) => {
        await users.addIfAddressFree(user);
        await outbox.enqueue(
          { template: 'already-registered', userId: user.id, to: user.email, locale: 'en', data: {} },
          new Date(),
        );
      });
      const [row]: Array<{ id: string; message_id: string }> = await dataSource.query(
        `SELECT id, message_id FROM email_outbox WHERE user_id = $1`,
        [user.id],
      );
      return {
        outboxId: row.id,
        userId: user.id,
        to: user.email.value,
        addressKey: user.email.normalized,
        messageId: row.message_id,
      };
    },
    async suppressionOf(addressKey) {
      const rows: SuppressionRow[] = await dataSource.query(
        SUPPRESSIONS_OF.text,
        SUPPRESSIONS_OF.values({ addressKeys: [addressKey] }),
      );
      return rows[0] ? suppressionFromRow(rows[0]) : null;
    },
  };
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

describeDeliverabilityPortsContract('The PostgreSQL adapters', () => ports);
