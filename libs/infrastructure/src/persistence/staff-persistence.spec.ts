import { StaffMember } from '@gatehouse/domain/staff/staff-member.entity';
import type { StaffSession } from '@gatehouse/domain/staff/staff-session';
import { Email } from '@gatehouse/domain/users/email.value-object';
import { DataSource, type Logger } from 'typeorm';
import { OutboxPayloadCipher } from '../mail/outbox-payload.cipher';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { dataSourceOptions, runMigrations } from './data-source';
import { TypeOrmUnitOfWork } from './typeorm.unit-of-work';

const now = new Date('2026-05-01T12:00:00Z');
const later = (ms: number) => new Date(now.getTime() + ms);
const rule = { maxFailures: 3, windowMs: 60_000, lockoutMs: 600_000 };

/** Keeps the statements sent, to check that the row locks are asked for. */
class StatementLog implements Logger {
  statements: string[] = [];
  logQuery(query: string): void {
    this.statements.push(query);
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

function aMember(id: string, address: string, role: 'admin' | 'support' = 'support'): StaffMember {
  return StaffMember.create({ id, email: Email.parse(address), passwordHash: 'hash', role, now });
}

function aSession(id: string, staffId: string, digest: string): StaffSession {
  return {
    id,
    staffId,
    digest,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: later(3_600_000),
    revokedAt: null,
    ip: '192.0.2.1',
    userAgent: 'jest',
  };
}

describe('Staff adapters (TypeORM entities) on a real PostgreSQL', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let uow: TypeOrmUnitOfWork;
  const log = new StatementLog();

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = new DataSource({ ...dataSourceOptions(database.url), logging: ['query'], logger: log });
    await dataSource.initialize();
    await runMigrations(dataSource);
    uow = new TypeOrmUnitOfWork(dataSource, {
      cipher: new OutboxPayloadCipher('adapter-test-secret-0123456789abcdef'),
      messageIdDomain: 'example.test',
      webhookUrls: [],
    });
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  beforeEach(() => {
    log.statements = [];
  });

  it('adds one staff member per address however many try at once, and reads every column back', async () => {
    const added = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        uow.run((tx) =>
          tx.staff.addIfAddressFree(
            aMember(`10000000-0000-4000-8000-00000000000${i}`, i % 2 ? 'Ops@Example.com' : 'ops@example.com'),
          ),
        ),
      ),
    );
    expect(added.filter(Boolean)).toHaveLength(1);
    const found = await uow.run((tx) => tx.staff.findByEmail(Email.parse('OPS@example.com')));
    const winner = added.indexOf(true);
    expect(found?.snapshot()).toEqual(
      aMember(
        `10000000-0000-4000-8000-00000000000${winner}`,
        winner % 2 ? 'Ops@Example.com' : 'ops@example.com',
      ).snapshot(),
    );
    expect(await uow.run((tx) => tx.staff.findByEmail(Email.parse('nobody@example.com')))).toBeNull();
  });

  it('saves what may change, locks the member it loads for update, and counts the active admins in id order', async () => {
    const ids = ['20000000-0000-4000-8000-000000000002', '20000000-0000-4000-8000-000000000001'];
    await uow.run(async (tx) => {
      await tx.staff.addIfAddressFree(aMember(ids[0], 'admin-b@example.com', 'admin'));
      await tx.staff.addIfAddressFree(aMember(ids[1], 'admin-a@example.com', 'admin'));
    });
    expect(await uow.run((tx) => tx.staff.countActiveAdminsForUpdate())).toBe(2);
    expect(log.statements.find((sql) => sql.includes('FOR UPDATE'))).toMatch(/ORDER BY "staff_id" ASC FOR UPDATE$/);

    log.statements = [];
    await uow.run(async (tx) => {
      const member = await tx.staff.findByIdForUpdate(ids[0]);
      member!.setDisabled(true, later(1_000));
      member!.signedIn(later(2_000));
      await tx.staff.save(member!);
    });
    expect(log.statements.some((sql) => /FROM "staff_members".* FOR UPDATE$/.test(sql))).toBe(true);
    const saved = await uow.run((tx) => tx.staff.findByIdForUpdate(ids[0]));
    expect(saved?.snapshot()).toMatchObject({ disabled: true, updatedAt: later(1_000), lastSignInAt: later(2_000) });
    expect(await uow.run((tx) => tx.staff.countActiveAdminsForUpdate())).toBe(1);
    expect(await uow.run((tx) => tx.staff.count())).toBe(3);
    expect(await uow.run((tx) => tx.staff.findByIdForUpdate('20000000-0000-4000-8000-00000000ffff'))).toBeNull();
  });

  it('keeps sessions by digest, touches them, and revokes each once', async () => {
    const staffId = '30000000-0000-4000-8000-000000000001';
    await uow.run(async (tx) => {
      await tx.staff.addIfAddressFree(aMember(staffId, 'sessions@example.com'));
      await tx.sessions.add(aSession('30000000-0000-4000-8000-000000000011', staffId, 'digest-1'));
      await tx.sessions.add(aSession('30000000-0000-4000-8000-000000000012', staffId, 'digest-2'));
    });
    expect(await uow.run((tx) => tx.sessions.findByDigest('digest-1'))).toEqual(
      aSession('30000000-0000-4000-8000-000000000011', staffId, 'digest-1'),
    );
    expect(await uow.run((tx) => tx.sessions.findByDigest('digest-unknown'))).toBeNull();

    await uow.run(async (tx) => {
      await tx.sessions.touch('30000000-0000-4000-8000-000000000011', later(60_000));
      await tx.sessions.revoke('30000000-0000-4000-8000-000000000011', later(70_000));
      await tx.sessions.revoke('30000000-0000-4000-8000-000000000011', later(80_000));
    });
    expect(await uow.run((tx) => tx.sessions.findByDigest('digest-1'))).toMatchObject({
      lastSeenAt: later(60_000),
      revokedAt: later(70_000),
    });

    await uow.run((tx) => tx.sessions.revokeAllFor(staffId, later(90_000)));
    expect((await uow.run((tx) => tx.sessions.findByDigest('digest-1')))?.revokedAt).toEqual(later(70_000));
    expect((await uow.run((tx) => tx.sessions.findByDigest('digest-2')))?.revokedAt).toEqual(later(90_000));
  });

  it('lets a setup link be used once, and never once expired', async () => {
    await uow.run(async (tx) => {
      await tx.setupTokens.add('setup-1', now, later(60_000));
      await tx.setupTokens.add('setup-2', now, later(60_000));
    });
    const uses = await Promise.all(
      Array.from({ length: 5 }, () => uow.run((tx) => tx.setupTokens.consume('setup-1', later(1_000)))),
    );
    expect(uses.filter(Boolean)).toHaveLength(1);
    expect(await uow.run((tx) => tx.setupTokens.consume('setup-2', later(60_000)))).toBe(false);
    expect(await uow.run((tx) => tx.setupTokens.consume('setup-unknown', now))).toBe(false);
  });

  it('counts sign-in attempts per address, locks at the limit, and lifts or clears the lockout', async () => {
    const address = 'guessed@example.com';
    const attempts = [];
    for (let i = 0; i < 4; i++) {
      attempts.push(await uow.run((tx) => tx.signInFailures.reserveAttempt(address, later(i), rule)));
    }
    expect(attempts).toEqual([
      { allowed: true, lockedUntil: null },
      { allowed: true, lockedUntil: null },
      { allowed: true, lockedUntil: later(2 + rule.lockoutMs) },
      { allowed: false, lockedUntil: later(2 + rule.lockoutMs) },
    ]);
    expect(await uow.run((tx) => tx.signInFailures.lift(address, later(10)))).toEqual(later(2 + rule.lockoutMs));
    expect(await uow.run((tx) => tx.signInFailures.lift(address, later(10)))).toBeNull();
    expect(await uow.run((tx) => tx.signInFailures.reserveAttempt(address, later(20), rule))).toEqual({
      allowed: true,
      lockedUntil: null,
    });
    await uow.run((tx) => tx.signInFailures.clear(address));
    const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM staff_sign_in_failures`);
    expect(count).toBe(0);
  });

  it('records an audit entry with its changes as JSON', async () => {
    await uow.run((tx) =>
      tx.audit.record({
        id: '50000000-0000-4000-8000-000000000001',
        actor: { id: null, email: 'npm run staff' },
        action: 'staff.update',
        targetType: 'staff',
        targetId: '20000000-0000-4000-8000-000000000002',
        reason: 'Left the team',
        changes: { disabled: { from: false, to: true } },
        at: now,
      }),
    );
    const rows = await dataSource.query(
      `SELECT staff_id, staff_email, action, target_type, target_id, reason, changes, created_at FROM audit_log`,
    );
    expect(rows).toEqual([
      {
        staff_id: null,
        staff_email: 'npm run staff',
        action: 'staff.update',
        target_type: 'staff',
        target_id: '20000000-0000-4000-8000-000000000002',
        reason: 'Left the team',
        changes: { disabled: { from: false, to: true } },
        created_at: now,
      },
    ]);
  });
});
