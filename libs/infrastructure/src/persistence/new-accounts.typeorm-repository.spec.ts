import { ConfirmationToken } from '@gatehouse/domain/confirmation/confirmation-token';
import type { NewAccount } from '@gatehouse/domain/ports/new-accounts.port';
import { Email } from '@gatehouse/domain/users/email.value-object';
import { User } from '@gatehouse/domain/users/user.entity';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { OutboxPayloadCipher } from '../mail/outbox-payload.cipher';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { TypeOrmConfirmations } from './confirmations.typeorm-repository';
import { createDataSource, runMigrations } from './data-source';
import type { OutboxSettings } from './email-outbox.typeorm-repository';
import { TypeOrmNewAccounts } from './new-accounts.typeorm-repository';
import { TypeOrmUnitOfWork } from './typeorm.unit-of-work';

const cipher = new OutboxPayloadCipher('new-accounts-test-secret-0123456789abcdef');
const now = new Date('2026-05-01T12:00:00Z');
const settings = (webhookUrls: string[] = []): OutboxSettings => ({
  cipher,
  messageIdDomain: 'example.test',
  webhookUrls,
});

let ids = 0;
const nextId = () => `00000000-0000-4000-8000-${String((ids += 1)).padStart(12, '0')}`;

function aNewAccount(address: string): NewAccount {
  const user = User.register({ id: nextId(), email: Email.parse(address), passwordHash: 'hash', locale: 'de', now });
  const token = ConfirmationToken.issue({
    id: nextId(),
    userId: user.id,
    email: user.email.normalized,
    digest: `digest-${user.id}`,
    codeDigest: `code-digest-${user.id}`,
    now,
    ttlMs: 60_000,
  });
  return {
    user,
    signUp: {
      id: nextId(),
      userId: user.id,
      passwordHash: 'hash',
      browserDigest: `browser-${user.id}`,
      createdAt: now,
    },
    token,
    email: {
      template: 'confirmation',
      userId: user.id,
      to: user.email,
      locale: user.locale,
      data: { token: 'the-secret', code: '123456', expiresAt: token.expiresAt.toISOString() },
    },
    event: { type: 'user.registered', userId: user.id, email: user.email.value, occurredAt: now },
  };
}

describe('TypeOrmNewAccounts on a real PostgreSQL', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = createDataSource(database.url, { poolSize: 12 });
    await dataSource.initialize();
    await runMigrations(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  const rowsFor = async (normalized: string) => {
    const [row] = await dataSource.query(
      `SELECT (SELECT count(*) FROM users WHERE email_normalized = $1)::int AS users,
              (SELECT count(*) FROM confirmation_tokens WHERE email_normalized = $1)::int AS tokens,
              (SELECT count(*) FROM email_outbox WHERE recipient_normalized = $1)::int AS emails,
              (SELECT count(*) FROM email_outbox o JOIN users u ON u.id = o.user_id
                WHERE u.email_normalized = $1 AND o.channel = 'webhook')::int AS webhooks`,
      [normalized],
    );
    return row as { users: number; tokens: number; emails: number; webhooks: number };
  };

  it('stores the user, its sign-up, its link, its email and nothing else, as the repositories read them back', async () => {
    const account = aNewAccount('Opened@Example.com');
    expect(await new TypeOrmNewAccounts(dataSource, settings()).addIfAddressFree(account)).toBe(true);

    const uow = new TypeOrmUnitOfWork(dataSource, settings());
    const { user, signUps, token, times } = await uow.run(async (tx) => ({
      user: await tx.users.findById(account.user.id),
      signUps: await tx.signUps.forUser(account.user.id),
      token: (await new TypeOrmConfirmations(dataSource, settings()).findByDigest(account.token.digest))?.token,
      times: await tx.outbox.queuedTimesSince('opened@example.com', new Date(0)),
    }));
    expect(user?.snapshot()).toEqual(account.user.snapshot());
    expect(signUps).toEqual([account.signUp]);
    expect(token).toEqual(account.token);
    expect(times).toEqual([now]);
    const [email] = await dataSource.query(
      `SELECT channel, template, locale, recipient, state, attempts, next_attempt_at, created_at, message_id, payload
         FROM email_outbox WHERE user_id = $1`,
      [account.user.id],
    );
    expect(email).toMatchObject({
      channel: 'email',
      template: 'confirmation',
      locale: 'de',
      recipient: 'Opened@Example.com',
      state: 'queued',
      attempts: 0,
      next_attempt_at: now,
      created_at: now,
    });
    expect(email.message_id).toMatch(/^<[0-9a-f-]{36}@example\.test>$/);
    expect(cipher.decrypt(email.payload)).toEqual(account.email.data);
    expect(await rowsFor('opened@example.com')).toEqual({ users: 1, tokens: 1, emails: 1, webhooks: 0 });
  });

  it('stores nothing at all when the address is taken, and keeps what was there', async () => {
    const newAccounts = new TypeOrmNewAccounts(dataSource, settings(['https://hooks.example.test/a']));
    const first = aNewAccount('taken@example.com');
    expect(await newAccounts.addIfAddressFree(first)).toBe(true);
    const second = aNewAccount('TAKEN@example.com');
    expect(await newAccounts.addIfAddressFree(second)).toBe(false);

    expect(await rowsFor('taken@example.com')).toEqual({ users: 1, tokens: 1, emails: 1, webhooks: 1 });
    const [{ signUps }] = await dataSource.query(
      `SELECT count(*)::int AS "signUps" FROM sign_up_attempts WHERE user_id = ANY($1::uuid[])`,
      [[first.user.id, second.user.id]],
    );
    expect(signUps).toBe(1);
    const [kept] = await dataSource.query(`SELECT id, email FROM users WHERE email_normalized = 'taken@example.com'`);
    expect(kept).toEqual({ id: first.user.id, email: 'taken@example.com' });
  });

  it('opens one account per address however many sign up at once', async () => {
    const newAccounts = new TypeOrmNewAccounts(dataSource, settings());
    const attempts = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        newAccounts.addIfAddressFree(aNewAccount(i % 2 ? 'Race@Example.com' : 'race@example.com')),
      ),
    );
    expect(attempts.filter(Boolean)).toHaveLength(1);
    expect(await rowsFor('race@example.com')).toEqual({ users: 1, tokens: 1, emails: 1, webhooks: 0 });
  });

  it('queues one signed-event delivery per configured webhook with the account', async () => {
    const urls = ['https://hooks.example.test/one', 'https://hooks.example.test/two'];
    const account = aNewAccount('hooked@example.com');
    expect(await new TypeOrmNewAccounts(dataSource, settings(urls)).addIfAddressFree(account)).toBe(true);
    const rows: Array<{ id: string; recipient: string; template: string; message_id: string; payload: Buffer }> =
      await dataSource.query(
        `SELECT id, recipient, template, message_id, payload FROM email_outbox
          WHERE user_id = $1 AND channel = 'webhook' ORDER BY recipient`,
        [account.user.id],
      );
    expect(rows.map((row) => [row.recipient, row.template, row.message_id === row.id])).toEqual([
      [urls[0], 'user.registered', true],
      [urls[1], 'user.registered', true],
    ]);
    for (const row of rows) {
      expect(cipher.decrypt(row.payload)).toMatchObject({
        type: 'user.registered',
        createdAt: now.toISOString(),
        data: { userId: account.user.id, email: 'hooked@example.com' },
      });
    }
  });

  it('sends one statement to PostgreSQL: no BEGIN, no COMMIT, no reads first', async () => {
    // What goes on the wire, whatever TypeORM does on the way: every query any pg client sends meanwhile.
    const sent: string[] = [];
    const send = Client.prototype.query;
    const recording = function (this: Client, ...args: unknown[]) {
      const [query] = args;
      sent.push(typeof query === 'string' ? query : String((query as { text?: string }).text));
      return (send as (...all: unknown[]) => unknown).apply(this, args);
    };
    Client.prototype.query = recording as typeof send;
    try {
      const account = aNewAccount('one@example.com');
      expect(await new TypeOrmNewAccounts(dataSource, settings()).addIfAddressFree(account)).toBe(true);
    } finally {
      Client.prototype.query = send;
    }
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatch(/^\s*WITH new_user AS \(\s*INSERT INTO users/);
    expect(await rowsFor('one@example.com')).toEqual({ users: 1, tokens: 1, emails: 1, webhooks: 0 });
  });
});
