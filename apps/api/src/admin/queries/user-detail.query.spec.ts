import { randomUUID } from 'node:crypto';
import { type DataSource } from 'typeorm';
import { migratedTestDatabase, type MigratedTestDatabase } from './testing/migrated-test-database';
import { aToken, aUser, anAuditEntry, anOutboxRow } from './testing/rows.factory';
import { UserDetailQuery } from './user-detail.query';

const NOW = new Date('2026-03-02T12:00:00Z');

describe('UserDetailQuery', () => {
  let database: MigratedTestDatabase;
  let dataSource: DataSource;
  let query: UserDetailQuery;

  beforeAll(async () => {
    database = await migratedTestDatabase();
    dataSource = database.dataSource;
    query = new UserDetailQuery(dataSource);
  });

  afterAll(async () => {
    await database.close();
  });

  it('shows the account, its links, its deliveries and what staff did to it', async () => {
    const user = await aUser(dataSource, {
      email: 'Ada+Test@Example.com',
      locale: 'de',
      createdAt: '2026-03-01T08:00:00Z',
      updatedAt: '2026-03-02T09:00:00Z',
    });
    const first = await aToken(dataSource, user.id, {
      issuedAt: '2026-03-01T08:00:00Z',
      expiresAt: '2026-03-02T08:00:00Z',
      supersededAt: '2026-03-01T09:00:00Z',
    });
    const expired = await aToken(dataSource, user.id, {
      issuedAt: '2026-03-01T09:00:00Z',
      expiresAt: '2026-03-02T12:00:00Z', // the instant `now` reaches it, it has expired
    });
    const used = await aToken(dataSource, user.id, {
      issuedAt: '2026-03-01T10:00:00Z',
      expiresAt: '2026-03-02T10:00:00Z',
      usedAt: '2026-03-01T10:05:00Z',
    });
    const outstanding = await aToken(dataSource, user.id, {
      issuedAt: '2026-03-01T11:00:00Z',
      expiresAt: '2026-03-02T12:00:00.001Z',
    });
    const failed = await anOutboxRow(dataSource, user.id, {
      state: 'failed',
      attempts: 8,
      lastError: '550 mailbox unavailable',
      recipient: user.email,
      createdAt: '2026-03-01T08:00:01Z',
    });
    const queued = await anOutboxRow(dataSource, user.id, {
      state: 'queued',
      recipient: user.email,
      createdAt: '2026-03-01T11:00:01Z',
      nextAttemptAt: '2026-03-01T11:05:00Z',
    });
    const webhook = await anOutboxRow(dataSource, user.id, {
      channel: 'webhook',
      template: 'user.registered',
      recipient: 'https://hooks.example.com/gatehouse',
      createdAt: '2026-03-01T08:00:02Z',
    });
    const older = await anAuditEntry(dataSource, {
      action: 'user.resend_confirmation',
      targetId: user.id,
      createdAt: '2026-03-01T09:00:00Z',
    });
    const newer = await anAuditEntry(dataSource, {
      action: 'user.disable',
      targetId: user.id,
      reason: 'Spam',
      changes: { status: ['pending', 'disabled'] },
      createdAt: '2026-03-02T09:00:00Z',
    });
    const sameTime = await anAuditEntry(dataSource, {
      id: 'ffffffff-ffff-4fff-8fff-ffffffffffff',
      action: 'user.enable',
      targetId: user.id,
      createdAt: '2026-03-02T09:00:00Z',
    });
    await anAuditEntry(dataSource, { targetType: 'staff', targetId: user.id, action: 'staff.update' });
    await anAuditEntry(dataSource, { targetId: randomUUID() });
    await anAuditEntry(dataSource, { targetType: 'users', targetId: null, action: 'users.bulk_resend' });

    const detail = await query.find(user.id, NOW);

    expect(detail).toEqual({
      id: user.id,
      email: 'Ada+Test@Example.com',
      status: 'pending',
      locale: 'de',
      createdAt: new Date('2026-03-01T08:00:00Z'),
      confirmedAt: null,
      updatedAt: new Date('2026-03-02T09:00:00Z'),
      tokens: [outstanding, used, expired, first].map((token) => ({
        id: token.id,
        issuedAt: new Date(token.issuedAt),
        expiresAt: new Date(token.expiresAt),
        usedAt: token.usedAt && new Date(token.usedAt),
        supersededAt: token.supersededAt && new Date(token.supersededAt),
        state: expect.any(String),
      })),
      deliveries: [
        {
          id: failed.id,
          channel: 'email',
          template: 'confirmation',
          recipient: user.email,
          state: 'failed',
          attempts: 8,
          lastError: '550 mailbox unavailable',
          createdAt: new Date(failed.createdAt),
          sentAt: null,
          nextAttemptAt: null,
        },
        {
          id: webhook.id,
          channel: 'webhook',
          template: 'user.registered',
          recipient: 'https://hooks.example.com/gatehouse',
          state: 'sent',
          attempts: 1,
          lastError: null,
          createdAt: new Date(webhook.createdAt),
          sentAt: new Date(webhook.createdAt),
          nextAttemptAt: null,
        },
        {
          id: queued.id,
          channel: 'email',
          template: 'confirmation',
          recipient: user.email,
          state: 'queued',
          attempts: 1,
          lastError: null,
          createdAt: new Date(queued.createdAt),
          sentAt: null,
          nextAttemptAt: new Date('2026-03-01T11:05:00Z'),
        },
      ],
      deliveryEvents: [],
      suppression: null,
      signInLockedUntil: null,
      audit: [sameTime, newer, older].map((entry) => ({
        id: entry.id,
        staffId: entry.staffId,
        staffEmail: entry.staffEmail,
        action: entry.action,
        targetType: 'user',
        targetId: user.id,
        reason: entry.reason,
        changes: entry.changes,
        createdAt: new Date(entry.createdAt),
      })),
    });
    expect(detail?.tokens.map((token) => token.state)).toEqual(['outstanding', 'used', 'expired', 'superseded']);
  });

  it('never shows a digest, a payload or a password hash', async () => {
    const user = await aUser(dataSource);
    const token = await aToken(dataSource, user.id);
    await anOutboxRow(dataSource, user.id);
    const json = JSON.stringify(await query.find(user.id, NOW));
    expect(json).toContain(token.id);
    expect(json).not.toContain(token.digest);
    expect(json).not.toContain(token.codeDigest!);
    expect(json).not.toMatch(/digest|payload|password|argon2id-hash-never-shown|encrypted-payload/i);
    expect(json).not.toMatch(/smtp|messageId/i);
  });

  it('shows until when sign-in is locked, and null once the lockout has ended or for mere failures', async () => {
    const locked = await aUser(dataSource, { email: 'Locked@Example.com' });
    const ended = await aUser(dataSource);
    const counted = await aUser(dataSource);
    const failures = `INSERT INTO user_sign_in_failures (email_normalized, failures, window_started_at, locked_until)
                      VALUES (lower($1), 10, $2, $3)`;
    await dataSource.query(failures, [locked.email, '2026-03-02T11:55:00Z', '2026-03-02T12:10:00Z']);
    await dataSource.query(failures, [ended.email, '2026-03-02T11:00:00Z', '2026-03-02T12:00:00Z']);
    await dataSource.query(failures, [counted.email, '2026-03-02T11:55:00Z', null]);
    expect((await query.find(locked.id, NOW))?.signInLockedUntil).toEqual(new Date('2026-03-02T12:10:00Z'));
    expect((await query.find(ended.id, NOW))?.signInLockedUntil).toBeNull();
    expect((await query.find(counted.id, NOW))?.signInLockedUntil).toBeNull();
  });

  it('answers null for a user that does not exist, or an id that is not one', async () => {
    expect(await query.find(randomUUID(), NOW)).toBeNull();
    expect(await query.find('not-a-uuid', NOW)).toBeNull();
    expect(await query.find("'; DROP TABLE users; --", NOW)).toBeNull();
  });

  it('shows a confirmed user with no links, emails or audit entries', async () => {
    const user = await aUser(dataSource, {
      status: 'active',
      createdAt: '2026-03-01T08:00:00.123456Z',
      confirmedAt: '2026-03-01T08:30:00Z',
    });
    expect(await query.find(user.id, NOW)).toMatchObject({
      status: 'active',
      createdAt: new Date('2026-03-01T08:00:00.123Z'),
      confirmedAt: new Date('2026-03-01T08:30:00Z'),
      tokens: [],
      deliveries: [],
      audit: [],
    });
  });
});
