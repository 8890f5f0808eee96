import { MailerService } from '@nestjs-modules/mailer';
import type { DataSource } from 'typeorm';
import { createDataSource, runMigrations } from '../persistence/data-source';
import { TypeOrmDeliveryHistory } from '../persistence/delivery-history.typeorm-reader';
import { TypeOrmUnitOfWork } from '../persistence/typeorm.unit-of-work';
import { SmtpSink, waitUntil } from '../testing/smtp-sink';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { EmailComposer } from './email-composer';
import { MailerMailTransport } from './mailer.mail-transport';
import { OutboxPayloadCipher } from './outbox-payload.cipher';
import { OutboxWorker } from './outbox-worker';
import { smtpTransportOptions } from './smtp-transport-options';

const silent = { log: () => undefined, warn: () => undefined, error: () => undefined };

describe('OutboxWorker delivering through a real SMTP server', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let smtp: SmtpSink;
  let mailer: MailerService;
  let worker: OutboxWorker;
  const cipher = new OutboxPayloadCipher('worker-test-secret-0123456789abcdefgh');

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = createDataSource(database.url);
    await dataSource.initialize();
    await runMigrations(dataSource);
    smtp = await SmtpSink.start();
    mailer = new MailerService(
      { transport: smtpTransportOptions(smtp.url, { connections: 2, ratePerSecond: 0, timeoutMs: 5000 }) },
      undefined as never,
    );
    worker = new OutboxWorker(
      dataSource,
      cipher,
      new EmailComposer({ appUrl: 'https://id.example.com', productName: 'Acme', brandColor: '#1d4ed8' }),
      new MailerMailTransport(mailer),
      {
        from: 'Acme <no-reply@example.com>',
        pollIntervalMs: 20,
        batchSize: 10,
        leaseMs: 5000,
        maxAttempts: 3,
        retryBaseMs: 10,
        maxRetryDelayMs: 50,
      },
      silent,
    );
  });

  afterAll(async () => {
    await worker.stop();
    await mailer.onModuleDestroy();
    await smtp.down();
    await dataSource.destroy();
    await database.drop();
  });

  afterEach(() => smtp.acceptAll());

  async function queue(address: string): Promise<string> {
    const uow = new TypeOrmUnitOfWork(dataSource, { cipher, messageIdDomain: 'example.com', webhookUrls: [] });
    await uow.run((tx) =>
      tx.outbox.enqueue(
        {
          template: 'confirmation',
          userId: null as never,
          to: address,
          locale: 'en',
          data: { token: 'T'.repeat(43), code: '123456', expiresAt: '2026-06-01T00:00:00Z' },
        },
        new Date(),
      ),
    );
    const [row] = await dataSource.query(`SELECT id FROM email_outbox WHERE recipient = $1`, [address]);
    return row.id;
  }

  const row = async (id: string) => (await dataSource.query(`SELECT * FROM email_outbox WHERE id = $1`, [id]))[0];

  it('sends, records the answer, forgets the secret, and keeps the Message-ID it was given', async () => {
    const id = await queue('sent@example.com');
    expect(await worker.drainOnce()).toBe(1);
    const [email] = await smtp.waitFor('sent@example.com');
    expect(email.messageId).toBe(`<${id}@example.com>`);
    expect(email.subject).toBe('Confirm your email address for Acme');
    expect(email.text).toContain(`https://id.example.com/confirm?token=${'T'.repeat(43)}`);
    expect(email.html).toContain('Confirm my email');
    const stored = await row(id);
    expect(stored).toMatchObject({ state: 'sent', attempts: 1, payload: null, last_error: null });
    expect(stored.smtp_response).toMatch(/^250/);
    expect(stored.sent_at).toBeInstanceOf(Date);
  });

  it('fails at once on a permanent 5xx answer and keeps the error', async () => {
    smtp.rejectWith(550, 'Mailbox unavailable');
    const id = await queue('rejected@example.com');
    await worker.drainOnce();
    const stored = await row(id);
    expect(stored).toMatchObject({ state: 'failed', attempts: 1, payload: null });
    expect(stored.last_error).toContain('550');
    expect(smtp.to('rejected@example.com')).toHaveLength(0);
  });

  it('retries a temporary 4xx answer with back-off and delivers once the server accepts', async () => {
    smtp.rejectWith(421, 'Try again later');
    const id = await queue('later@example.com');
    await worker.drainOnce();
    expect(await row(id)).toMatchObject({ state: 'queued', attempts: 1 });
    expect((await row(id)).last_error).toContain('421');
    smtp.acceptAll();
    worker.start();
    await smtp.waitFor('later@example.com');
    await waitUntil(
      async () => ((await row(id)).state === 'sent' ? true : undefined),
      5000,
      () => 'the retry to be recorded',
    );
    await worker.stop();
    expect(await row(id)).toMatchObject({ state: 'sent', attempts: 2 });
    expect(smtp.to('later@example.com')).toHaveLength(1);
  });

  it('gives up after the configured number of attempts', async () => {
    smtp.rejectWith(451, 'Local error');
    const id = await queue('never@example.com');
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await dataSource.query(`UPDATE email_outbox SET next_attempt_at = now() WHERE id = $1 AND state = 'queued'`, [
        id,
      ]);
      await worker.drainOnce();
    }
    expect(await row(id)).toMatchObject({ state: 'failed', attempts: 3 });
  });

  it("shows a person's delivery history: every email, its state, attempts, errors and times", async () => {
    const userId = '00000000-0000-4000-8000-00000000aaaa';
    await dataSource.query(
      `INSERT INTO users (id, email, email_normalized, password_hash, status, created_at, updated_at)
       VALUES ($1, 'History@example.com', 'history@example.com', 'x', 'pending', now(), now())`,
      [userId],
    );
    const uow = new TypeOrmUnitOfWork(dataSource, { cipher, messageIdDomain: 'example.com', webhookUrls: [] });
    const enqueue = () =>
      uow.run((tx) =>
        tx.outbox.enqueue(
          {
            template: 'confirmation',
            userId,
            to: 'History@example.com',
            locale: 'en',
            data: { token: 'T'.repeat(43), code: '123456', expiresAt: '2026-06-01T00:00:00Z' },
          },
          new Date(),
        ),
      );
    smtp.rejectWith(550, 'No such user');
    await enqueue();
    await worker.drainOnce();
    smtp.acceptAll();
    await enqueue();
    await worker.drainOnce();
    await enqueue();

    const history = await new TypeOrmDeliveryHistory(dataSource).forUser(userId);
    expect(history.map((email) => [email.state, email.attempts])).toEqual([
      ['failed', 1],
      ['sent', 1],
      ['queued', 0],
    ]);
    expect(history[0].lastError).toContain('550');
    expect(history[1].smtpResponse).toMatch(/^250/);
    expect(history[1].sentAt).toBeInstanceOf(Date);
    expect(history[2].nextAttemptAt).toBeInstanceOf(Date);
    expect(
      history.every(
        (email) => email.recipient === 'History@example.com' && /^<.+@example\.com>$/.test(email.messageId),
      ),
    ).toBe(true);
    expect(JSON.stringify(history)).not.toContain('T'.repeat(43));
  });

  it('grows the retry delay four-fold up to the cap, with jitter', () => {
    const delays = [1, 2, 3, 4].map((attempt) => worker.retryDelayMs(attempt));
    expect(delays[0]).toBeGreaterThanOrEqual(8);
    expect(delays[0]).toBeLessThanOrEqual(12);
    expect(delays[1]).toBeGreaterThanOrEqual(32);
    expect(delays[1]).toBeLessThanOrEqual(48);
    expect(delays[3]).toBeLessThanOrEqual(60);
  });
});
