import { decideConfirmation } from '@gatehouse/domain/confirmation/confirmation-case';
import { ConfirmationToken } from '@gatehouse/domain/confirmation/confirmation-token';
import type { NewAccount } from '@gatehouse/domain/ports/new-accounts.port';
import { Email } from '@gatehouse/domain/users/email.value-object';
import { NO_PROOF } from '@gatehouse/domain/users/sign-up-attempt';
import { User } from '@gatehouse/domain/users/user.entity';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { OutboxPayloadCipher } from '../mail/outbox-payload.cipher';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { TypeOrmConfirmations } from './confirmations.typeorm-repository';
import { createDataSource, runMigrations } from './data-source';
import { TypeOrmNewAccounts } from './new-accounts.typeorm-repository';
import { TypeOrmUnitOfWork } from './typeorm.unit-of-work';

const settings = {
  cipher: new OutboxPayloadCipher('confirmations-test-secret-0123456789abcdef'),
  messageIdDomain: 'example.test',
  webhookUrls: ['https://hooks.example.test/a'],
};
const signedUpAt = new Date('2026-05-01T12:00:00Z');
const clickedAt = new Date('2026-05-01T12:05:00Z');
let ids = 0;
const nextId = () => `00000000-0000-4000-8000-${String((ids += 1)).padStart(12, '0')}`;

function anAccount(address: string): NewAccount {
  const user = User.register({
    id: nextId(),
    email: Email.parse(address),
    passwordHash: 'first',
    locale: 'en',
    now: signedUpAt,
  });
  const token = ConfirmationToken.issue({
    id: nextId(),
    userId: user.id,
    email: user.email.normalized,
    digest: `digest-${user.id}`,
    codeDigest: `code-${user.id}`,
    now: signedUpAt,
    ttlMs: 86_400_000,
  });
  return {
    user,
    signUp: { id: nextId(), userId: user.id, passwordHash: 'first', browserDigest: null, createdAt: signedUpAt },
    token,
    email: {
      template: 'confirmation',
      userId: user.id,
      to: user.email,
      locale: 'en',
      data: { token: 's', code: '1', expiresAt: '' },
    },
    event: { type: 'user.registered', userId: user.id, email: user.email.value, occurredAt: signedUpAt },
  };
}

/** Confirmation's read and guarded write on a real PostgreSQL: one statement each, and races lose cleanly. */
describe('TypeOrmConfirmations on a real PostgreSQL', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let confirmations: TypeOrmConfirmations;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = createDataSource(database.url, { poolSize: 4 });
    await dataSource.initialize();
    await runMigrations(dataSource);
    confirmations = new TypeOrmConfirmations(dataSource, settings);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  async function opened(address: string) {
    const account = anAccount(address);
    expect(await new TypeOrmNewAccounts(dataSource, settings).addIfAddressFree(account)).toBe(true);
    return account;
  }
  const row = async (sql: string, values: unknown[]) => (await dataSource.query(sql, values))[0];

  it('reads the token, its account and its sign-ups as the aggregates, and finds the outstanding one by address', async () => {
    const account = await opened('read@example.com');
    const found = await confirmations.findByDigest(account.token.digest);
    expect(found?.token).toEqual(account.token);
    expect(found?.user.snapshot()).toEqual(account.user.snapshot());
    expect(found?.signUps).toEqual([account.signUp]);
    const byAddress = await confirmations.findOutstandingForAddress('read@example.com');
    expect(byAddress?.token.id).toBe(account.token.id);
    expect(await confirmations.findByDigest('no such digest')).toBeNull();
  });

  it('writes the decision in one statement: token used, account active, sign-ups forgotten, event queued', async () => {
    const account = await opened('apply@example.com');
    const step = decideConfirmation((await confirmations.findByDigest(account.token.digest))!, NO_PROOF, clickedAt);
    if (step.kind !== 'apply') throw new Error(step.kind);
    const sent: string[] = [];
    const send = Client.prototype.query;
    Client.prototype.query = function (this: Client, ...args: unknown[]) {
      sent.push(String(typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string }).text));
      return (send as (...all: unknown[]) => unknown).apply(this, args);
    } as typeof send;
    try {
      expect(await confirmations.apply(step.decision)).toBe(true);
    } finally {
      Client.prototype.query = send;
    }
    expect(sent).toHaveLength(1);
    expect(await row(`SELECT status, confirmed_at, password_hash FROM users WHERE id = $1`, [account.user.id])).toEqual(
      {
        status: 'active',
        confirmed_at: clickedAt,
        password_hash: 'first',
      },
    );
    expect((await row(`SELECT used_at FROM confirmation_tokens WHERE id = $1`, [account.token.id])).used_at).toEqual(
      clickedAt,
    );
    expect((await row(`SELECT count(*)::int AS n FROM sign_up_attempts WHERE user_id = $1`, [account.user.id])).n).toBe(
      0,
    );
    const event = await row(
      `SELECT template, recipient FROM email_outbox WHERE user_id = $1 AND channel = 'webhook' AND template = 'user.confirmed'`,
      [account.user.id],
    );
    expect(event).toEqual({ template: 'user.confirmed', recipient: 'https://hooks.example.test/a' });
    expect(await confirmations.apply(step.decision)).toBe(false);
  });

  it('applies nothing when a resend superseded the token between the read and the write', async () => {
    const account = await opened('resent@example.com');
    const step = decideConfirmation((await confirmations.findByDigest(account.token.digest))!, NO_PROOF, clickedAt);
    await new TypeOrmUnitOfWork(dataSource, settings).run((tx) =>
      tx.tokens.supersedeOutstanding(account.user.id, clickedAt),
    );
    if (step.kind !== 'apply') throw new Error(step.kind);
    expect(await confirmations.apply(step.decision)).toBe(false);
    expect((await row(`SELECT status FROM users WHERE id = $1`, [account.user.id])).status).toBe('pending');
    expect((await row(`SELECT used_at FROM confirmation_tokens WHERE id = $1`, [account.token.id])).used_at).toBeNull();
  });

  it('applies nothing when a rival sign-up came between the read and the write', async () => {
    const account = await opened('rival@example.com');
    const step = decideConfirmation((await confirmations.findByDigest(account.token.digest))!, NO_PROOF, clickedAt);
    await new TypeOrmUnitOfWork(dataSource, settings).run(async (tx) => {
      const user = (await tx.users.findByIdForUpdate(account.user.id))!;
      user.signedUpAgain(new Date('2026-05-01T12:04:00Z'));
      await tx.users.save(user);
      await tx.signUps.add({ ...account.signUp, id: nextId(), passwordHash: 'rival' }, 10);
    });
    if (step.kind !== 'apply') throw new Error(step.kind);
    expect(await confirmations.apply(step.decision)).toBe(false);
    expect(await row(`SELECT status, password_hash FROM users WHERE id = $1`, [account.user.id])).toEqual({
      status: 'pending',
      password_hash: 'first',
    });
  });

  it('applies to an account whose row was written by SQL, at microseconds', async () => {
    const account = await opened('by-sql@example.com');
    await dataSource.query(`UPDATE users SET updated_at = now() WHERE id = $1`, [account.user.id]);
    const step = decideConfirmation((await confirmations.findByDigest(account.token.digest))!, NO_PROOF, clickedAt);
    if (step.kind !== 'apply') throw new Error(step.kind);
    expect(await confirmations.apply(step.decision)).toBe(true);
  });

  it('lets exactly one of ten racing writes of the same decision apply', async () => {
    const account = await opened('race@example.com');
    const found = (await confirmations.findByDigest(account.token.digest))!;
    const steps = Array.from({ length: 10 }, () =>
      decideConfirmation(
        {
          token: ConfirmationToken.restore(found.token.snapshot()),
          user: User.restore(found.user.snapshot()),
          signUps: found.signUps,
        },
        NO_PROOF,
        clickedAt,
      ),
    );
    const applied = await Promise.all(
      steps.map((step) => (step.kind === 'apply' ? confirmations.apply(step.decision) : false)),
    );
    expect(applied.filter(Boolean)).toHaveLength(1);
    const events = await row(
      `SELECT count(*)::int AS n FROM email_outbox WHERE user_id = $1 AND template = 'user.confirmed'`,
      [account.user.id],
    );
    expect(events.n).toBe(1);
  });
});
