import { decideConfirmation } from '@gatehouse/domain/confirmation/confirmation-case';
import { ConfirmationToken } from '@gatehouse/domain/confirmation/confirmation-token';
import { Email } from '@gatehouse/domain/users/email.value-object';
import { NO_PROOF } from '@gatehouse/domain/users/sign-up-attempt';
import { User } from '@gatehouse/domain/users/user.entity';
import type { DataSource } from 'typeorm';
import { OutboxPayloadCipher } from '../mail/outbox-payload.cipher';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { TypeOrmConfirmations } from './confirmations.typeorm-repository';
import { createDataSource, hasPendingMigrations, MIGRATIONS, runMigrations } from './data-source';
import { TypeOrmUnitOfWork } from './typeorm.unit-of-work';

const cipher = new OutboxPayloadCipher('adapter-test-secret-0123456789abcdef');
const now = new Date('2026-05-01T12:00:00Z');
const outboxSettings = { cipher, messageIdDomain: 'example.test', webhookUrls: [] };

function aPendingUser(id: string, address: string): User {
  return User.register({ id, email: Email.parse(address), passwordHash: 'hash', locale: 'en', now });
}

describe('TypeORM adapters on a real PostgreSQL', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let uow: TypeOrmUnitOfWork;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = createDataSource(database.url, { poolSize: 12 });
    await dataSource.initialize();
    uow = new TypeOrmUnitOfWork(dataSource, outboxSettings);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('migrates once even when several instances start together', async () => {
    const others = [createDataSource(database.url), createDataSource(database.url)];
    await Promise.all(others.map((other) => other.initialize()));
    const applied = await Promise.all([runMigrations(dataSource), ...others.map((other) => runMigrations(other))]);
    await Promise.all(others.map((other) => other.destroy()));
    // Each migration once, in order, whichever instance ran it.
    expect(applied.flat()).toEqual(MIGRATIONS.map((migration) => migration.name));
    expect(await hasPendingMigrations(dataSource)).toBe(false);
  });

  it('adds one user per address, case-insensitively, however many try at once', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        uow.run((tx) =>
          tx.users.addIfAddressFree(
            aPendingUser(
              `00000000-0000-4000-8000-0000000000${10 + i}`,
              i % 2 ? 'Same@Example.com' : 'same@example.com',
            ),
          ),
        ),
      ),
    );
    expect(attempts.filter(Boolean)).toHaveLength(1);
    const found = await uow.run((tx) => tx.users.findByEmailForUpdate(Email.parse('SAME@EXAMPLE.COM')));
    expect(found?.status).toBe('pending');
  });

  it('lets exactly one caller use a token, and never a superseded one', async () => {
    const user = aPendingUser('00000000-0000-4000-8000-000000000100', 'token@example.com');
    const token = (id: string, digest: string, owner = user) =>
      ConfirmationToken.issue({ id, userId: owner.id, email: owner.email.normalized, digest, now, ttlMs: 60_000 });
    await uow.run(async (tx) => {
      await tx.users.addIfAddressFree(user);
      await tx.tokens.add(token('00000000-0000-4000-8000-000000000101', 'digest-one'));
    });
    const confirmations = new TypeOrmConfirmations(dataSource, outboxSettings);
    const decide = async (digest: string) => {
      const step = decideConfirmation((await confirmations.findByDigest(digest))!, NO_PROOF, now);
      if (step.kind !== 'apply') throw new Error(step.kind);
      return step.decision;
    };
    const decisions = await Promise.all(Array.from({ length: 8 }, () => decide('digest-one')));
    const results = await Promise.all(decisions.map((decision) => confirmations.apply(decision)));
    expect(results.filter(Boolean)).toHaveLength(1);

    const other = aPendingUser('00000000-0000-4000-8000-000000000103', 'token-two@example.com');
    await uow.run(async (tx) => {
      await tx.users.addIfAddressFree(other);
      await tx.tokens.add(token('00000000-0000-4000-8000-000000000102', 'digest-two', other));
    });
    const late = await decide('digest-two');
    await uow.run((tx) => tx.tokens.supersedeOutstanding(other.id, now));
    expect(await confirmations.apply(late)).toBe(false);
    expect((await confirmations.findByDigest('digest-two'))?.token.state(now)).toBe('superseded');
  });

  it('rolls everything back when the work fails: no user, no token, no email', async () => {
    const user = aPendingUser('00000000-0000-4000-8000-000000000200', 'rollback@example.com');
    await expect(
      uow.run(async (tx) => {
        await tx.users.addIfAddressFree(user);
        await tx.outbox.enqueue(
          { template: 'already-registered', userId: user.id, to: user.email, locale: 'en', data: {} },
          now,
        );
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const counts = await dataSource.query(
      `SELECT (SELECT count(*) FROM users WHERE email_normalized = 'rollback@example.com')::int AS users,
              (SELECT count(*) FROM email_outbox WHERE recipient_normalized = 'rollback@example.com')::int AS emails`,
    );
    expect(counts).toEqual([{ users: 0, emails: 0 }]);
  });

  it('queues email with its secret encrypted, a stable Message-ID, and remembers when for the per-address limits', async () => {
    const user = aPendingUser('00000000-0000-4000-8000-000000000300', 'Queue@Example.com');
    const secret = 'Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5';
    await uow.run(async (tx) => {
      await tx.users.addIfAddressFree(user);
      await tx.outbox.enqueue(
        {
          template: 'confirmation',
          userId: user.id,
          to: user.email,
          locale: 'en',
          data: { token: secret, code: '123456', expiresAt: now.toISOString() },
        },
        now,
      );
    });
    const [row] = await dataSource.query(
      `SELECT id, payload, message_id, state, recipient FROM email_outbox WHERE recipient_normalized = 'queue@example.com'`,
    );
    expect(row.state).toBe('queued');
    expect(row.recipient).toBe('Queue@Example.com');
    expect(row.message_id).toBe(`<${row.id}@example.test>`);
    expect(Buffer.from(row.payload).toString('latin1')).not.toContain(secret);
    expect(cipher.decrypt(row.payload)).toEqual({ token: secret, code: '123456', expiresAt: now.toISOString() });
    expect(await uow.run((tx) => tx.outbox.queuedTimesSince('queue@example.com', now))).toEqual([now]);
    const later = new Date(now.getTime() + 1);
    expect(await uow.run((tx) => tx.outbox.queuedTimesSince('queue@example.com', later))).toEqual([]);
    expect(await uow.run((tx) => tx.outbox.queuedTimesSince('nobody@example.com', now))).toEqual([]);
  });
});
