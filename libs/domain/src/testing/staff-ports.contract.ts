import type { TransactionalPorts, UnitOfWork } from '../ports/unit-of-work.port';
import { StaffMember } from '../staff/staff-member.entity';
import type { StaffRole } from '../staff/staff-role';
import type { StaffSession } from '../staff/staff-session';
import { Email } from '../users/email.value-object';

let sequence = 0;
/** A UUID unique within the test file (PostgreSQL wants real UUIDs). */
const anId = () => `30000000-0000-4000-8000-${(++sequence).toString().padStart(12, '0')}`;
const at = (iso: string) => new Date(iso);

function aMember(address: string, role: StaffRole = 'support'): StaffMember {
  return StaffMember.create({
    id: anId(),
    email: Email.parse(address),
    passwordHash: 'hashed:staff-password',
    role,
    now: at('2026-01-01T00:00:00Z'),
  });
}

function aSession(member: StaffMember, createdAt: Date): StaffSession {
  const id = anId();
  return {
    id,
    staffId: member.id,
    digest: `session-digest-${id}`,
    createdAt,
    lastSeenAt: createdAt,
    expiresAt: new Date(createdAt.getTime() + 12 * 3_600_000),
    revokedAt: null,
    ip: '203.0.113.7',
    userAgent: 'contract-test',
  };
}

/**
 * The behaviour the back office's use cases rely on from the staff, sign-in failure and session ports, run
 * against the in-memory fakes (libs/domain/src/testing) and against the PostgreSQL adapters (libs/infrastructure),
 * so a fake cannot drift from what the database does. Tests share one database in the real run: each uses
 * addresses of its own, and counts only what it added.
 */
export function describeStaffPortsContract(name: string, unitOfWork: () => UnitOfWork): void {
  describe(`${name}: the staff ports' contract`, () => {
    const run = <T>(work: (ports: TransactionalPorts) => Promise<T>) => unitOfWork().run(work);

    describe('staff members', () => {
      it('adds one member per normalized address and finds them by any spelling of it', async () => {
        const member = aMember('contract-staff@example.com');
        expect(await run(({ staff }) => staff.addIfAddressFree(member))).toBe(true);
        expect(await run(({ staff }) => staff.addIfAddressFree(aMember('Contract-Staff@EXAMPLE.com')))).toBe(false);

        const found = await run(({ staff }) => staff.findByEmail(Email.parse('CONTRACT-STAFF@example.com')));
        expect(found?.snapshot()).toEqual(member.snapshot());
        expect((await run(({ staff }) => staff.findByIdForUpdate(member.id)))?.snapshot()).toEqual(member.snapshot());
        expect(await run(({ staff }) => staff.findByEmail(Email.parse('contract-nobody@example.com')))).toBeNull();
        expect(await run(({ staff }) => staff.findByIdForUpdate(anId()))).toBeNull();
      });

      it('saves role, status, password and sign-in time', async () => {
        const member = aMember('contract-staff-save@example.com');
        await run(({ staff }) => staff.addIfAddressFree(member));
        const changed = StaffMember.restore({
          ...member.snapshot(),
          passwordHash: 'hashed:new-password',
          role: 'admin',
          disabled: true,
          updatedAt: at('2026-01-02T00:00:00.250Z'),
          lastSignInAt: at('2026-01-02T00:00:00.125Z'),
        });
        await run(({ staff }) => staff.save(changed));
        expect((await run(({ staff }) => staff.findByIdForUpdate(member.id)))?.snapshot()).toEqual(changed.snapshot());
      });

      it('counts every member, and active admins apart', async () => {
        const [members, admins] = await run(async ({ staff }) => [
          await staff.count(),
          await staff.countActiveAdminsForUpdate(),
        ]);
        const admin = aMember('contract-count-admin@example.com', 'admin');
        const disabledAdmin = StaffMember.restore({
          ...aMember('contract-count-disabled@example.com', 'admin').snapshot(),
          disabled: true,
        });
        const support = aMember('contract-count-support@example.com', 'support');
        await run(async ({ staff }) => {
          for (const member of [admin, disabledAdmin, support]) await staff.addIfAddressFree(member);
        });
        expect(await run(({ staff }) => staff.count())).toBe(members + 3);
        expect(await run(({ staff }) => staff.countActiveAdminsForUpdate())).toBe(admins + 1);
      });
    });

    describe('sign-in failures', () => {
      const rule = { maxFailures: 3, windowMs: 60_000, lockoutMs: 300_000 };
      const start = at('2026-02-01T00:00:00Z');
      const plus = (ms: number) => new Date(start.getTime() + ms);
      const reserve = (address: string, now: Date) =>
        run(({ signInFailures }) => signInFailures.reserveAttempt(address, now, rule));

      it('lets maxFailures attempts through in a window, the last one locking, then refuses until the lockout ends', async () => {
        const address = 'contract-lockout@example.com';
        expect(await reserve(address, start)).toEqual({ allowed: true, lockedUntil: null });
        expect(await reserve(address, plus(1_000))).toEqual({ allowed: true, lockedUntil: null });
        expect(await reserve(address, plus(2_000))).toEqual({ allowed: true, lockedUntil: plus(302_000) });
        expect(await reserve(address, plus(3_000))).toEqual({ allowed: false, lockedUntil: plus(302_000) });
        expect(await reserve('contract-lockout-other@example.com', plus(3_000))).toEqual({
          allowed: true,
          lockedUntil: null,
        });
        // An ended lockout starts a fresh window: the first attempt after it does not lock again at once.
        expect(await reserve(address, plus(302_000))).toEqual({ allowed: true, lockedUntil: null });
        expect(await reserve(address, plus(303_000))).toEqual({ allowed: true, lockedUntil: null });
      });

      it('starts a new window once the old one has ended', async () => {
        const address = 'contract-window@example.com';
        await reserve(address, start);
        await reserve(address, plus(1_000));
        expect(await reserve(address, plus(60_000))).toEqual({ allowed: true, lockedUntil: null });
        expect(await reserve(address, plus(61_000))).toEqual({ allowed: true, lockedUntil: null });
        expect(await reserve(address, plus(62_000))).toEqual({ allowed: true, lockedUntil: plus(362_000) });
      });

      it('forgets an address on clear, and on lift says until when its lockout would have lasted', async () => {
        const cleared = 'contract-clear@example.com';
        await reserve(cleared, start);
        await reserve(cleared, plus(1));
        await run(({ signInFailures }) => signInFailures.clear(cleared));
        await reserve(cleared, plus(2));
        await reserve(cleared, plus(3));
        expect(await reserve(cleared, plus(4))).toEqual({ allowed: true, lockedUntil: plus(300_004) });

        const locked = 'contract-lift@example.com';
        for (const ms of [0, 1, 2]) await reserve(locked, plus(ms));
        expect(await run(({ signInFailures }) => signInFailures.lift(locked, plus(10)))).toEqual(plus(300_002));
        expect(await reserve(locked, plus(11))).toEqual({ allowed: true, lockedUntil: null });
        expect(await run(({ signInFailures }) => signInFailures.lift(locked, plus(12)))).toBeNull();
        expect(
          await run(({ signInFailures }) => signInFailures.lift('contract-never@example.com', plus(12))),
        ).toBeNull();
      });
    });

    describe('sessions', () => {
      it('stores a session, finds it by digest, and records when it was last seen', async () => {
        const member = aMember('contract-session@example.com');
        const session = aSession(member, at('2026-03-01T00:00:00Z'));
        await run(async ({ staff, sessions }) => {
          await staff.addIfAddressFree(member);
          await sessions.add(session);
        });
        expect(await run(({ sessions }) => sessions.findByDigest(session.digest))).toEqual(session);
        expect(await run(({ sessions }) => sessions.findByDigest('no-such-digest'))).toBeNull();

        const seen = at('2026-03-01T00:10:00.500Z');
        await run(({ sessions }) => sessions.touch(session.id, seen));
        expect(await run(({ sessions }) => sessions.findByDigest(session.digest))).toEqual({
          ...session,
          lastSeenAt: seen,
        });
      });

      it('revokes once, keeping the first time, and revokes all of one member without touching others', async () => {
        const member = aMember('contract-revoke@example.com');
        const colleague = aMember('contract-revoke-colleague@example.com');
        const created = at('2026-03-02T00:00:00Z');
        const [first, second, third, theirs] = [member, member, member, colleague].map((m) => aSession(m, created));
        await run(async ({ staff, sessions }) => {
          await staff.addIfAddressFree(member);
          await staff.addIfAddressFree(colleague);
          for (const session of [first, second, third, theirs]) await sessions.add(session);
        });
        const [early, late, all] = ['2026-03-02T01:00:00Z', '2026-03-02T02:00:00Z', '2026-03-02T03:00:00Z'].map(at);
        await run(({ sessions }) => sessions.revoke(first.id, early));
        await run(({ sessions }) => sessions.revoke(first.id, late));
        await run(({ sessions }) => sessions.revokeAllFor(member.id, all));

        const revokedAt = async (session: StaffSession) =>
          (await run(({ sessions }) => sessions.findByDigest(session.digest)))?.revokedAt;
        expect(await revokedAt(first)).toEqual(early);
        expect(await revokedAt(second)).toEqual(all);
        expect(await revokedAt(third)).toEqual(all);
        expect(await revokedAt(theirs)).toBeNull();
      });
    });
  });
}
