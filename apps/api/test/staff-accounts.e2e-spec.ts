import { PrepareFirstAdmin } from '@gatehouse/domain/use-cases/prepare-first-admin.use-case';
import { HIGH_LIMITS } from './support/high-limits';
import { addStaff, StaffClient, STAFF_PASSWORD, type StaffResponse } from './support/staff-client';
import { useTestApp } from './support/test-app';

// Issue 13's findings about staff accounts: the sign-in race, the lockout staff can see and admins can lift,
// failed sign-ins in the audit log, the password rules for staff, and two admins changing each other at once.

const running = useTestApp(HIGH_LIMITS);
/** A second app whose database has no staff yet, for the setup link. */
const empty = useTestApp(HIGH_LIMITS);
let admin: StaffClient;

beforeAll(async () => {
  await addStaff(running.gatehouse, 'admin@example.com', 'admin');
  admin = await StaffClient.signIn(running.gatehouse.baseUrl, 'admin@example.com');
});

interface AuditItem {
  staffId: string | null;
  staffEmail: string;
  action: string;
  targetType: string;
  targetId: string | null;
  reason: string | null;
  changes: Record<string, unknown>;
}

async function audit(query: string): Promise<AuditItem[]> {
  const response = await admin.get(`/api/admin/audit?limit=100&${query}`);
  expect(response.status).toBe(200);
  return response.json.items as AuditItem[];
}

async function staffList(): Promise<Array<{ id: string; email: string; lockedUntil: string | null }>> {
  const response = await admin.get('/api/admin/staff');
  expect(response.status).toBe(200);
  return response.json as unknown as Array<{ id: string; email: string; lockedUntil: string | null }>;
}

describe('staff sign-in under concurrent guesses', () => {
  it('checks at most 5 of 20 wrong passwords sent at once; the rest are answered locked without a check', async () => {
    const id = await addStaff(running.gatehouse, 'raced@example.com', 'support');
    const client = StaffClient.anonymous(running.gatehouse.baseUrl);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => client.signIn('raced@example.com', `wrong guess number ${i}`)),
    );
    const statuses = answers.map((a) => a.status);
    // Four checked and wrong (401); the fifth checked one locks (429); the other fifteen were never checked.
    expect(statuses.filter((s) => s === 401)).toHaveLength(4);
    expect(statuses.filter((s) => s === 429)).toHaveLength(16);
    for (const locked of answers.filter((a) => a.status === 429)) {
      expect(locked.json).toMatchObject({ error: 'sign_in_locked', retryAt: expect.any(String) });
    }
    const entries = await audit(`targetType=staff&targetId=${id}`);
    const checked = entries.filter((e) => e.changes.outcome === 'wrong_password');
    expect(checked).toHaveLength(5);
    expect(entries.filter((e) => e.action === 'staff.locked_out')).toHaveLength(1);
    expect(entries.filter((e) => e.changes.outcome === 'locked')).toHaveLength(15);
    // Even the right password waits for the lockout to end.
    expect((await client.signIn('raced@example.com', STAFF_PASSWORD)).status).toBe(429);
  });
});

describe('a lockout staff can see and an admin can lift', () => {
  it('shows until when on the staff list, and lets an admin lift it with a reason, audited', async () => {
    const id = await addStaff(running.gatehouse, 'locked-out@example.com', 'support');
    const client = StaffClient.anonymous(running.gatehouse.baseUrl);
    let last: StaffResponse | undefined;
    for (let i = 0; i < 5; i += 1) last = await client.signIn('locked-out@example.com', 'someone else guessing');
    expect(last?.status).toBe(429);
    const retryAt = String(last?.json.retryAt);
    const listed = (await staffList()).find((member) => member.id === id);
    expect(listed?.lockedUntil).toBe(retryAt);
    expect((await staffList()).find((member) => member.email === 'admin@example.com')?.lockedUntil).toBeNull();

    const noReason = await admin.request('DELETE', `/api/admin/staff/${id}/lockout`, { reason: ' ' });
    expect(noReason.status).toBe(400);
    expect(noReason.json.errors).toEqual([expect.objectContaining({ field: 'reason' })]);
    const lifted = await admin.request('DELETE', `/api/admin/staff/${id}/lockout`, { reason: 'they called us' });
    expect(lifted.status).toBe(200);
    expect(lifted.json).toMatchObject({ id, email: 'locked-out@example.com', lockedUntil: null });
    expect((await staffList()).find((member) => member.id === id)?.lockedUntil).toBeNull();
    expect((await client.signIn('locked-out@example.com', STAFF_PASSWORD)).status).toBe(200);

    const [entry] = await audit(`action=staff.lockout_lifted&targetType=staff&targetId=${id}`);
    expect(entry).toMatchObject({
      staffEmail: 'admin@example.com',
      reason: 'they called us',
      changes: { email: 'locked-out@example.com', lockedUntil: { from: retryAt, to: null } },
    });
  });

  it('is for admins only, and answers 404 for an unknown staff member', async () => {
    await addStaff(running.gatehouse, 'helper@example.com', 'support');
    const support = await StaffClient.signIn(running.gatehouse.baseUrl, 'helper@example.com');
    const id = (await staffList()).find((member) => member.email === 'admin@example.com')!.id;
    const refused = await support.request('DELETE', `/api/admin/staff/${id}/lockout`, { reason: 'let me' });
    expect(refused).toMatchObject({ status: 403, json: { error: 'forbidden' } });
    const unknown = await admin.request('DELETE', '/api/admin/staff/00000000-0000-4000-8000-000000000000/lockout', {
      reason: 'typo',
    });
    expect(unknown).toMatchObject({ status: 404, json: { error: 'staff_not_found' } });
  });
});

describe('failed staff sign-ins in the audit log', () => {
  it('records the address tried, the client address and the outcome, by nobody, and never the password', async () => {
    const id = await addStaff(running.gatehouse, 'audited@example.com', 'support');
    const client = StaffClient.anonymous(running.gatehouse.baseUrl);
    expect((await client.signIn('audited@example.com', 'a secret guess 1')).status).toBe(401);
    expect((await client.signIn('nobody-at-all@example.com', 'a secret guess 2')).status).toBe(401);

    const entries = await audit('action=staff.sign_in_failed');
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          staffId: null,
          staffEmail: 'anonymous',
          targetType: 'staff',
          targetId: id,
          changes: { email: 'audited@example.com', ip: '127.0.0.1', outcome: 'wrong_password' },
        }),
        expect.objectContaining({
          staffId: null,
          targetId: null,
          changes: { email: 'nobody-at-all@example.com', ip: '127.0.0.1', outcome: 'unknown_address' },
        }),
      ]),
    );
    const stored = await running.gatehouse.db.query(`SELECT changes::text AS changes FROM audit_log`);
    expect(stored.rows.map((row: { changes: string }) => row.changes).join('\n')).not.toContain('a secret guess');
  });
});

describe('staff passwords meet the sign-up rules', () => {
  it('refuses a common password or one containing the address when an admin adds staff', async () => {
    const common = await admin.post('/api/admin/staff', {
      email: 'weak@example.com',
      password: 'password123',
      role: 'admin',
      reason: 'new hire',
    });
    expect(common.status).toBe(400);
    expect(common.json).toEqual({ errors: [{ field: 'password', message: expect.stringMatching(/common/) }] });
    const ownAddress = await admin.post('/api/admin/staff', {
      email: 'weak@example.com',
      password: 'weak@example.com forever',
      role: 'admin',
      reason: 'new hire',
    });
    expect(ownAddress.status).toBe(400);
    expect(ownAddress.json).toEqual({ errors: [{ field: 'password', message: expect.stringMatching(/email/) }] });
    expect((await staffList()).map((member) => member.email)).not.toContain('weak@example.com');
  });

  it('refuses a common password through the first-admin setup link', async () => {
    const setupApp = empty.gatehouse;
    const outcome = await setupApp.app.get(PrepareFirstAdmin).execute({});
    if (outcome.kind !== 'setup_link') throw new Error('expected a setup link');
    const setup = StaffClient.anonymous(setupApp.baseUrl);
    const weak = await setup.post('/api/admin/setup', {
      token: outcome.secret,
      email: 'first@example.com',
      password: 'password123',
    });
    expect(weak.status).toBe(400);
    expect(weak.json).toEqual({ errors: [{ field: 'password', message: expect.stringMatching(/common/) }] });
    const done = await setup.post('/api/admin/setup', {
      token: outcome.secret,
      email: 'first@example.com',
      password: STAFF_PASSWORD,
    });
    expect(done.status).toBe(201);
  });
});

describe('two admins changing each other at the same moment', () => {
  it('never answers 5xx over 10 rounds of simultaneous demotions', async () => {
    const first = await addStaff(running.gatehouse, 'first-admin@example.com', 'admin');
    const second = await addStaff(running.gatehouse, 'second-admin@example.com', 'admin');
    const one = await StaffClient.signIn(running.gatehouse.baseUrl, 'first-admin@example.com');
    const two = await StaffClient.signIn(running.gatehouse.baseUrl, 'second-admin@example.com');
    const statuses: number[] = [];
    for (let round = 0; round < 10; round += 1) {
      const answers = await Promise.all([
        one.request('PATCH', `/api/admin/staff/${second}`, { role: 'support', reason: `round ${round}` }),
        two.request('PATCH', `/api/admin/staff/${first}`, { role: 'support', reason: `round ${round}` }),
      ]);
      statuses.push(...answers.map((a) => a.status));
      for (const id of [first, second]) {
        const restored = await admin.request('PATCH', `/api/admin/staff/${id}`, { role: 'admin', reason: 'restore' });
        expect(restored.status).toBe(200);
      }
    }
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
    // Each demotion either went through or lost to the other's (which took away its right to demote).
    expect(statuses.every((status) => status === 200 || status === 403)).toBe(true);
  });
});
