import type { DataSource } from 'typeorm';
import { OutboxPayloadCipher } from '../mail/outbox-payload.cipher';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { createDataSource, runMigrations } from './data-source';
import { TypeOrmEmailOutbox } from './email-outbox.typeorm-repository';

const cipher = new OutboxPayloadCipher('adapter-test-secret-0123456789abcdef');
const since = new Date('2026-05-01T12:00:00Z');
const at = (seconds: number) => new Date(since.getTime() + seconds * 1000);

// What the per-address cooldown and limit count (queuedTimesSince), against the rows the worker leaves behind.
describe('TypeOrmEmailOutbox.queuedTimesSince on a real PostgreSQL', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let outbox: TypeOrmEmailOutbox;

  const addRow = (channel: 'email' | 'webhook', key: string, state: string, createdAt: Date) =>
    dataSource.query(
      `INSERT INTO email_outbox (id, channel, template, locale, recipient, recipient_normalized, state, attempts,
          next_attempt_at, message_id, created_at)
       VALUES (gen_random_uuid(), $1, 'confirmation', 'en', $2, $2, $3, 1, $4, gen_random_uuid()::text, $4)`,
      [channel, key, state, createdAt],
    );

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = createDataSource(database.url);
    await dataSource.initialize();
    await runMigrations(dataSource);
    outbox = new TypeOrmEmailOutbox(dataSource.manager, { cipher, messageIdDomain: 'example.test', webhookUrls: [] });
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('counts emails that left or are still trying, not those that failed for good, nor webhooks', async () => {
    const key = 'outage@example.com';
    await addRow('email', key, 'sent', at(1));
    await addRow('email', key, 'failed', at(2));
    await addRow('email', key, 'queued', at(3));
    await addRow('email', key, 'sending', at(4));
    await addRow('email', key, 'failed', at(5));
    // A webhook row whose recipient key happens to read like the address: not an email, never counted.
    await addRow('webhook', key, 'queued', at(6));
    await addRow('email', 'someone-else@example.com', 'sent', at(7));
    await addRow('email', key, 'sent', at(-1));

    expect(await outbox.queuedTimesSince(key, since)).toEqual([at(1), at(3), at(4)]);
  });

  it('counts nothing for an address whose every email failed: support may send again at once', async () => {
    const key = 'all-failed@example.com';
    await addRow('email', key, 'failed', at(10));
    await addRow('email', key, 'failed', at(11));
    expect(await outbox.queuedTimesSince(key, since)).toEqual([]);
  });
});
