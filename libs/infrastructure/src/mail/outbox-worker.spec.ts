import { Email } from '@gatehouse/domain/users/email.value-object';
import { MailerService } from '@nestjs-modules/mailer';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import { createDataSource, runMigrations } from '../persistence/data-source';
import { TypeOrmDeliveryHistory } from '../persistence/delivery-history.typeorm-reader';
import { UPSERT_SUPPRESSION } from '../persistence/suppression.record';
import { TypeOrmUnitOfWork } from '../persistence/typeorm.unit-of-work';
import { queueConfirmationEmails } from '../testing/queued-emails';
import { SmtpSink, waitUntil } from '../testing/smtp-sink';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { EmailComposer } from './email-composer';
import { MailerMailTransport } from './mailer.mail-transport';
import { OutboxPayloadCipher } from './outbox-payload.cipher';
import { OutboxWorker } from './outbox-worker';
import { smtpTransportOptions } from './smtp-transport-options';
import { WebhookSender } from '../webhooks/webhook-sender';

const silent = { log: () => undefined, warn: () => undefined, error: () => undefined };

describe('OutboxWorker delivering through a real SMTP server', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let smtp: SmtpSink;
  let mailer: MailerService;
  let worker: OutboxWorker;
  const cipher = new OutboxPayloadCipher('worker-test-secret-0123456789abcdefgh');
  const composer = new EmailComposer({ appUrl: 'https://id.example.com', productName: 'Acme', brandColor: '#1d4ed8' });

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = createDataSource(database.url);
    await dataSource.initialize();
    await runMigrations(dataSource);
    smtp = await SmtpSink.start();
    mailer = new MailerService(
      {
        transport: smtpTransportOptions(smtp.url, { connections: 2, ratePerSecond: 0, timeoutMs: 5000 }),
        ...composer.mailerTemplateOptions,
      },
      undefined as never,
    );
    worker = new OutboxWorker(
      dataSource,
      cipher,
      composer,
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
          to: Email.parse(address),
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

  it('sends no email of any kind to a suppressed address: each is recorded as suppressed, with the reason', async () => {
    const suppress = (addressKey: string, until: Date | null) =>
      dataSource.query(
        UPSERT_SUPPRESSION.text,
        UPSERT_SUPPRESSION.values({
          addressKey,
          cause: until ? 'soft_bounces' : 'hard_bounce',
          smtpStatus: '5.1.1',
          diagnostic: 'user unknown',
          suppressedAt: new Date(),
          suppressedUntil: until,
        }),
      );
    await suppress('bounced@example.com', null);
    await suppress('was-full@example.com', new Date(Date.now() - 1000));
    const confirmation = await queue('Bounced@example.com');
    const uow = new TypeOrmUnitOfWork(dataSource, { cipher, messageIdDomain: 'example.com', webhookUrls: [] });
    await uow.run((tx) =>
      tx.outbox.enqueue(
        {
          template: 'already-registered',
          userId: null as never,
          to: Email.parse('bounced@example.com'),
          locale: 'en',
          data: {},
        },
        new Date(),
      ),
    );
    const [notice] = await dataSource.query(`SELECT id FROM email_outbox WHERE template = 'already-registered'`);
    const lapsed = await queue('was-full@example.com');

    expect(await worker.drainOnce()).toBe(3);
    await smtp.waitFor('was-full@example.com');
    expect(await row(lapsed)).toMatchObject({ state: 'sent' });
    for (const id of [confirmation, notice.id]) {
      const stored = await row(id);
      expect(stored).toMatchObject({ state: 'suppressed', payload: null, sent_at: null });
      expect(stored.last_error).toBe('Not sent: The address bounced for good: 5.1.1 (user unknown).');
    }
    expect(smtp.to('Bounced@example.com')).toHaveLength(0);
    expect(smtp.to('bounced@example.com')).toHaveLength(0);
    // Nothing is left to retry.
    expect(await worker.drainOnce()).toBe(0);
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
            to: Email.parse('History@example.com'),
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

describe('OutboxWorker under the global email cap', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let smtp: SmtpSink;
  let mailer: MailerService;
  let hooks: Server;
  let hooksUrl: string;
  const webhooksReceived: string[] = [];
  const cipher = new OutboxPayloadCipher('cap-test-secret-0123456789abcdefghijk');

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
    hooks = createServer((request, response) => {
      webhooksReceived.push(String(request.headers['gatehouse-event']));
      request.resume();
      request.on('end', () => response.writeHead(204).end());
    });
    await new Promise<void>((resolve) => hooks.listen(0, '127.0.0.1', resolve));
    hooksUrl = `http://127.0.0.1:${(hooks.address() as AddressInfo).port}/hook`;
  });

  afterAll(async () => {
    await mailer.onModuleDestroy();
    await smtp.down();
    await new Promise<void>((resolve) => hooks.close(() => resolve()));
    await dataSource.destroy();
    await database.drop();
  });

  /** A worker as each instance runs one: all of them share the cap through the table. */
  const aWorker = (emailCap = { limit: 3, windowMs: 60 * 60 * 1000 }) =>
    new OutboxWorker(
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
        emailCap,
      },
      silent,
      new WebhookSender('cap-test-webhook-secret-0123456789abcdef', 5000),
    );

  const states = async () =>
    (
      await dataSource.query(
        `SELECT channel, state, count(*)::int AS n FROM email_outbox GROUP BY channel, state ORDER BY channel, state`,
      )
    ).map((row: { channel: string; state: string; n: number }) => `${row.channel} ${row.state}: ${row.n}`);

  it('sends no more emails than the cap across workers, keeps the rest queued, and sends them once there is room', async () => {
    await queueConfirmationEmails(dataSource, {
      count: 8,
      secret: 'cap-test-secret-0123456789abcdefghijk',
      prefix: 'cap',
    });
    const first = aWorker();
    const second = aWorker();
    await Promise.all([first.drainOnce(), second.drainOnce(), first.drainOnce(), second.drainOnce()]);

    expect(smtp.received).toHaveLength(3);
    expect(await states()).toEqual(['email queued: 5', 'email sent: 3']);

    // An hour later the three have left the window: three more may go, and still no more.
    await dataSource.query(`UPDATE email_outbox SET sent_at = sent_at - interval '61 minutes' WHERE state = 'sent'`);
    await Promise.all([first.drainOnce(), second.drainOnce()]);
    expect(smtp.received).toHaveLength(6);
    expect(await states()).toEqual(['email queued: 2', 'email sent: 6']);
  });

  it('lets webhooks through while emails wait for room', async () => {
    const uow = new TypeOrmUnitOfWork(dataSource, { cipher, messageIdDomain: 'example.com', webhookUrls: [hooksUrl] });
    await uow.run((tx) =>
      tx.events.publish({
        // A deletion's announcement needs no user row, which keeps this test to the outbox.
        type: 'user.deleted',
        userId: '00000000-0000-4000-8000-00000000cafe',
        email: 'hooked@example.com',
        occurredAt: new Date(),
      }),
    );
    const sentBefore = smtp.received.length;
    await aWorker().drainOnce();

    expect(webhooksReceived).toEqual(['user.deleted']);
    expect(smtp.received).toHaveLength(sentBefore);
    expect(await states()).toEqual(['email queued: 2', 'email sent: 6', 'webhook sent: 1']);
  });
});
