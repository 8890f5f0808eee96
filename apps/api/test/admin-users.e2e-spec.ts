import { waitUntil } from '@gatehouse/infrastructure/testing/smtp-sink';
import { HIGH_LIMITS } from './support/high-limits';
import { addStaff, StaffClient } from './support/staff-client';
import { postJson, useTestApp } from './support/test-app';

const running = useTestApp({ ...HIGH_LIMITS, SUPPORT_EMAIL: 'help@example.com' });
let admin: StaffClient;
let support: StaffClient;
let adminId: string;

beforeAll(async () => {
  adminId = await addStaff(running.gatehouse, 'admin@example.com', 'admin');
  await addStaff(running.gatehouse, 'support@example.com', 'support');
  admin = await StaffClient.signIn(running.gatehouse.baseUrl, 'admin@example.com');
  support = await StaffClient.signIn(running.gatehouse.baseUrl, 'support@example.com');
});

/** Signs a person up through the public API and waits for their email; returns their id. */
async function signUp(address: string): Promise<string> {
  const response = await postJson(running.gatehouse.baseUrl, '/api/registrations', {
    email: address,
    password: 'long enough password',
  });
  expect(response.status).toBe(202);
  await running.smtp.waitFor(address);
  const { rows } = await running.gatehouse.db.query('SELECT id FROM users WHERE email_normalized = lower($1)', [
    address,
  ]);
  return rows[0].id as string;
}

async function statusOf(userId: string): Promise<string | undefined> {
  const { rows } = await running.gatehouse.db.query('SELECT status FROM users WHERE id = $1', [userId]);
  return rows[0]?.status as string | undefined;
}

async function auditFor(userId: string) {
  const { rows } = await running.gatehouse.db.query(
    `SELECT staff_id, staff_email, action, reason, changes FROM audit_log WHERE target_id = $1 ORDER BY created_at, id`,
    [userId],
  );
  return rows as Array<{ staff_id: string; staff_email: string; action: string; reason: string; changes: unknown }>;
}

/** Makes the last email to this person look older, so the per-address cooldown has passed. */
async function ageEmails(userId: string, seconds: number): Promise<void> {
  await running.gatehouse.db.query(
    `UPDATE email_outbox SET created_at = created_at - make_interval(secs => $2) WHERE user_id = $1`,
    [userId, seconds],
  );
}

describe('support resends a confirmation', () => {
  it('sends a new link (the old one stops working), audits it, and honours the per-address cooldown', async () => {
    const userId = await signUp('lost-email@example.com');
    const tooSoon = await support.post(`/api/admin/users/${userId}/resend-confirmation`, { reason: 'ticket 17' });
    expect(tooSoon.status).toBe(429);
    expect(Number(tooSoon.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(tooSoon.json).toMatchObject({ error: 'resend_too_soon', retryAt: expect.any(String) });

    await ageEmails(userId, 120);
    const sent = await support.post(`/api/admin/users/${userId}/resend-confirmation`, { reason: 'ticket 17' });
    expect(sent.status).toBe(204);
    await running.smtp.waitFor('lost-email@example.com', 2);
    const tokens = await running.gatehouse.db.query(
      'SELECT used_at, superseded_at FROM confirmation_tokens WHERE user_id = $1 ORDER BY issued_at',
      [userId],
    );
    expect(tokens.rows.map((row) => row.superseded_at !== null)).toEqual([true, false]);
    expect(await auditFor(userId)).toEqual([
      expect.objectContaining({
        staff_email: 'support@example.com',
        action: 'user.resend_confirmation',
        reason: 'ticket 17',
      }),
    ]);
  });

  it('refuses without a reason, and for an account that is not pending', async () => {
    const userId = await signUp('no-reason@example.com');
    await ageEmails(userId, 120);
    const noReason = await support.post(`/api/admin/users/${userId}/resend-confirmation`, {});
    expect(noReason.status).toBe(400);
    await admin.post(`/api/admin/users/${userId}/confirm`, { reason: 'confirmed on the phone' });
    const active = await support.post(`/api/admin/users/${userId}/resend-confirmation`, { reason: 'why not' });
    expect(active.status).toBe(409);
    expect(active.json.message).toMatch(/already confirmed/);
  });
});

describe('admin actions on one account', () => {
  it('confirms by hand', async () => {
    const userId = await signUp('by-hand@example.com');
    expect((await admin.post(`/api/admin/users/${userId}/confirm`, { reason: 'verified by phone' })).status).toBe(204);
    expect(await statusOf(userId)).toBe('active');
    const outstanding = await running.gatehouse.db.query(
      'SELECT count(*)::int AS n FROM confirmation_tokens WHERE user_id = $1 AND used_at IS NULL AND superseded_at IS NULL',
      [userId],
    );
    expect(outstanding.rows[0].n).toBe(0);
    expect(await auditFor(userId)).toEqual([
      expect.objectContaining({
        staff_id: adminId,
        action: 'user.confirm',
        reason: 'verified by phone',
        changes: { status: { from: 'pending', to: 'active' } },
      }),
    ]);
  });

  it('will not pick a password for an address signed up more than once: the person confirms with theirs', async () => {
    const userId = await signUp('twice@example.com');
    await postJson(running.gatehouse.baseUrl, '/api/registrations', {
      email: 'twice@example.com',
      password: 'a rival long password',
    });
    const answer = await admin.post(`/api/admin/users/${userId}/confirm`, { reason: 'asked by phone' });
    expect(answer).toMatchObject({ status: 409, json: { error: 'status_conflict' } });
    expect(answer.json.message).toContain('signed up more than once');
    expect(await statusOf(userId)).toBe('pending');
  });

  it('disables (links stop working) and enables back', async () => {
    const userId = await signUp('to-disable@example.com');
    const [email] = await running.smtp.waitFor('to-disable@example.com');
    expect((await admin.post(`/api/admin/users/${userId}/disable`, { reason: 'spam' })).status).toBe(204);
    expect(await statusOf(userId)).toBe('disabled');
    const token = /token=([A-Za-z0-9_-]{43})/.exec(email.text ?? '')?.[1];
    const confirm = await postJson(running.gatehouse.baseUrl, '/api/confirmations', { token });
    expect(confirm).toMatchObject({ status: 403, json: { error: 'account_disabled' } });
    // The page behind the link says the account is disabled and whom to write to, not "use a newer link".
    for (const page of [
      await fetch(`${running.gatehouse.baseUrl}/confirm?token=${token}`, { headers: { accept: 'text/html' } }),
      await fetch(`${running.gatehouse.baseUrl}/confirm`, {
        method: 'POST',
        headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token: token! }).toString(),
      }),
    ]) {
      expect(page.status).toBe(403);
      const html = await page.text();
      expect(html).toContain('This account is disabled');
      expect(html).toContain('<strong>help@example.com</strong>');
      expect(html).not.toContain('A newer link was sent');
    }
    expect(await statusOf(userId)).toBe('disabled');
    expect((await admin.post(`/api/admin/users/${userId}/disable`, { reason: 'again' })).status).toBe(409);
    expect((await admin.post(`/api/admin/users/${userId}/enable`, { reason: 'false alarm' })).status).toBe(204);
    expect(await statusOf(userId)).toBe('pending');
    expect((await auditFor(userId)).map((entry) => [entry.action, entry.changes])).toEqual([
      ['user.disable', { status: { from: 'pending', to: 'disabled' } }],
      ['user.enable', { status: { from: 'disabled', to: 'pending' } }],
    ]);
  });

  it('deletes the person and their data; the audit log keeps that it happened, without the address', async () => {
    const userId = await signUp('forget-me@example.com');
    expect((await admin.request('DELETE', `/api/admin/users/${userId}`, { reason: 'GDPR request' })).status).toBe(204);
    for (const table of ['users', 'confirmation_tokens', 'email_outbox']) {
      const column = table === 'users' ? 'id' : 'user_id';
      const { rows } = await running.gatehouse.db.query(
        `SELECT count(*)::int AS n FROM ${table} WHERE ${column} = $1`,
        [userId],
      );
      expect({ table, n: rows[0].n }).toEqual({ table, n: 0 });
    }
    const audit = await auditFor(userId);
    expect(audit).toEqual([expect.objectContaining({ action: 'user.delete', reason: 'GDPR request' })]);
    expect(JSON.stringify(audit)).not.toContain('forget-me');
    expect((await admin.get(`/api/admin/users/${userId}`)).status).toBe(404);
    expect((await admin.post(`/api/admin/users/${userId}/confirm`, { reason: 'x' })).status).toBe(404);
  });

  it('answers 400 to a malformed id and 404 to an unknown one', async () => {
    expect((await admin.get('/api/admin/users/not-a-uuid')).status).toBe(400);
    expect(
      (await admin.post('/api/admin/users/00000000-0000-4000-8000-000000000000/disable', { reason: 'x' })).status,
    ).toBe(404);
  });
});

describe('reading', () => {
  it('shows a person: status, tokens without secrets, delivery history and audit entries', async () => {
    const userId = await signUp('detail@example.com');
    await support.get(`/api/admin/users/${userId}`);
    await admin.post(`/api/admin/users/${userId}/disable`, { reason: 'looking into it' });
    const detail = await support.get(`/api/admin/users/${userId}`);
    expect(detail.status).toBe(200);
    expect(detail.json).toMatchObject({ id: userId, email: 'detail@example.com', status: 'disabled' });
    const body = detail.text;
    const digests = await running.gatehouse.db.query(
      'SELECT digest, code_digest FROM confirmation_tokens WHERE user_id = $1',
      [userId],
    );
    for (const row of digests.rows) {
      expect(body).not.toContain(row.digest);
      expect(body).not.toContain(row.code_digest);
    }
    expect(JSON.stringify(detail.json)).toMatch(/"state":"sent"/);
    expect(JSON.stringify(detail.json)).toContain('looking into it');
  });

  it('lists with search, filters and paging', async () => {
    for (const name of ['page-a', 'page-b', 'page-c']) await signUp(`${name}@listing.example`);
    const search = await support.get('/api/admin/users?q=LISTING.example&limit=2&sort=asc');
    expect(search.status).toBe(200);
    expect(search.json.total).toBe(3);
    const first = search.json.items as Array<{ email: string }>;
    expect(first.map((item) => item.email)).toEqual(['page-a@listing.example', 'page-b@listing.example']);
    const next = await support.get(
      `/api/admin/users?q=listing.example&limit=2&sort=asc&cursor=${encodeURIComponent(String(search.json.nextCursor))}`,
    );
    expect((next.json.items as Array<{ email: string }>).map((item) => item.email)).toEqual(['page-c@listing.example']);
    expect(next.json.nextCursor).toBeNull();
    const bad = await support.get('/api/admin/users?limit=500&status=sleeping&cursor=nonsense');
    expect(bad.status).toBe(400);
    expect((bad.json.errors as Array<{ field: string }>).map((e) => e.field).sort()).toEqual([
      'cursor',
      'limit',
      'status',
    ]);
  });

  it('gives statistics for a range', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const stats = await support.get(`/api/admin/stats?from=${today}&to=${today}`);
    expect(stats.status).toBe(200);
    expect(JSON.stringify(stats.json)).toContain(today);
    const backwards = await support.get(`/api/admin/stats?from=${today}&to=2020-01-01`);
    expect(backwards.status).toBe(400);
  });
});

describe('bulk resend and export', () => {
  it('counts first in a dry run, then sends to exactly those pending users and audits the run', async () => {
    const ids: string[] = [];
    for (const name of ['bulk-1', 'bulk-2', 'bulk-3']) ids.push(await signUp(`${name}@bulk.example`));
    await admin.post(`/api/admin/users/${ids[2]}/confirm`, { reason: 'phone' });
    for (const id of ids) await ageEmails(id, 120);
    const filter = { q: '@bulk.example' };
    const dry = await admin.post('/api/admin/users/bulk-resend', { filter, dryRun: true });
    expect(dry.json).toEqual({ matched: 2, suppressed: 0, dryRun: true });
    expect((await admin.post('/api/admin/users/bulk-resend', { filter })).status).toBe(400);
    const run = await admin.post('/api/admin/users/bulk-resend', { filter, reason: 'SMTP outage yesterday' });
    expect(run.json).toEqual({ matched: 2, queued: 2, limited: 0, skipped: 0, suppressed: 0, dryRun: false });
    await running.smtp.waitFor('bulk-1@bulk.example', 2);
    await running.smtp.waitFor('bulk-2@bulk.example', 2);
    const summary = await admin.get('/api/admin/audit?action=users.bulk_resend');
    expect(summary.json.items).toEqual([
      expect.objectContaining({
        reason: 'SMTP outage yesterday',
        changes: expect.objectContaining({ filter, queued: 2 }),
      }),
    ]);
    expect((await auditFor(ids[0])).map((entry) => entry.action)).toEqual(['user.resend_confirmation']);
  });

  it('exports the filtered list as CSV and records who took it and why', async () => {
    await signUp('=cmd@export.example');
    await signUp('plain@export.example');
    const response = await admin.post('/api/admin/users/export', {
      filter: { q: 'export.example' },
      reason: 'monthly report',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="gatehouse-users-/);
    const lines = response.text.trim().split('\r\n');
    expect(lines[0]).toBe('id,email,status,locale,created_at,confirmed_at,latest_delivery_state');
    expect(lines).toHaveLength(3);
    expect(response.text).toContain("'=cmd@export.example");
    const audit = await admin.get('/api/admin/audit?action=users.export');
    expect(audit.json.items).toEqual([
      expect.objectContaining({
        staffEmail: 'admin@example.com',
        reason: 'monthly report',
        changes: { filter: { q: 'export.example' }, rows: 2, complete: true },
      }),
    ]);
    expect((await admin.post('/api/admin/users/export', { filter: {} })).status).toBe(400);
  });
});

describe('the audit log', () => {
  it('is append-only in the database itself', async () => {
    await waitUntil(
      async () => ((await auditFor(adminId)).length >= 0 ? true : undefined),
      1000,
      () => 'audit',
    );
    await expect(running.gatehouse.db.query(`UPDATE audit_log SET reason = 'rewritten'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(running.gatehouse.db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(running.gatehouse.db.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
  });

  it('filters by staff member, action and target', async () => {
    const byStaff = await admin.get(`/api/admin/audit?staffId=${adminId}&limit=100`);
    expect(byStaff.status).toBe(200);
    const items = byStaff.json.items as Array<{ staffEmail: string }>;
    expect(items.length).toBeGreaterThan(3);
    expect(items.every((item) => item.staffEmail === 'admin@example.com')).toBe(true);
    expect((await support.get('/api/admin/audit')).status).toBe(403);
  });
});
