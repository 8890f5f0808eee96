import { roleMay } from '@gatehouse/domain/staff/staff-permissions';
import { PrepareFirstAdmin } from '@gatehouse/domain/use-cases/prepare-first-admin.use-case';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { STAFF_ACCESS, type StaffAccessRule } from '../src/admin/auth/staff-access.decorator';
import { registeredRoutes } from '../src/http/route-table';
import { HIGH_LIMITS } from './support/high-limits';
import { addStaff, StaffClient, STAFF_PASSWORD } from './support/staff-client';
import { useTestApp } from './support/test-app';

const running = useTestApp(HIGH_LIMITS);
const PUBLIC_ROUTES = new Set(['POST /api/admin/session', 'POST /api/admin/setup']);

let admin: StaffClient;
let support: StaffClient;

beforeAll(async () => {
  await addStaff(running.gatehouse, 'admin@example.com', 'admin');
  await addStaff(running.gatehouse, 'support@example.com', 'support');
  admin = await StaffClient.signIn(running.gatehouse.baseUrl, 'admin@example.com');
  support = await StaffClient.signIn(running.gatehouse.baseUrl, 'support@example.com');
});

/** Every back-office route the running router serves, with the access rule its handler declares. */
function adminRoutes(): Array<{ method: string; url: string; rule: StaffAccessRule }> {
  const rules = new Map<string, StaffAccessRule>();
  for (const module of running.gatehouse.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new () => object) | undefined;
      if (!controller?.prototype) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (typeof handler !== 'function' || !Reflect.hasMetadata(PATH_METADATA, handler)) continue;
        const path = String(Reflect.getMetadata(PATH_METADATA, handler));
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        const url = `/${[base, path].filter((part) => part && part !== '/').join('/')}`.replace(/\/+/g, '/');
        const rule = (Reflect.getMetadata(STAFF_ACCESS, handler) ?? Reflect.getMetadata(STAFF_ACCESS, controller)) as
          StaffAccessRule | undefined;
        rules.set(`${method} ${url}`, rule ?? 'staff.manage');
      }
    }
  }
  const instance = running.gatehouse.app.getHttpAdapter().getInstance();
  return registeredRoutes(instance)
    .filter((route) => route.url.startsWith('/api/admin') && route.method !== 'HEAD')
    .map((route) => {
      const rule = rules.get(`${route.method} ${route.url}`);
      if (!rule) throw new Error(`No controller declares ${route.method} ${route.url}`);
      return { ...route, rule };
    });
}

function concrete(url: string): string {
  return url.replace(/:[a-zA-Z]+/g, randomUUID());
}

describe('the authorisation matrix of /api/admin, walked from the router', () => {
  it('covers the back office as it is served', () => {
    const routes = adminRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(14);
    expect(routes.map((r) => `${r.method} ${r.url}`)).toEqual(
      expect.arrayContaining(['GET /api/admin/users', 'POST /api/admin/users/:id/disable', 'GET /api/admin/audit']),
    );
  });

  it('answers 401 without a session on every route that is not the sign-in or the setup', async () => {
    const anonymous = StaffClient.anonymous(running.gatehouse.baseUrl);
    for (const route of adminRoutes().filter((r) => !PUBLIC_ROUTES.has(`${r.method} ${r.url}`))) {
      const response = await anonymous.request(
        route.method,
        concrete(route.url),
        route.method === 'GET' ? undefined : {},
      );
      expect({ route, status: response.status, error: response.json.error }).toEqual({
        route,
        status: 401,
        error: 'session_required',
      });
    }
  });

  it('answers 403 to support on every admin-only route, and lets support through elsewhere', async () => {
    for (const route of adminRoutes().filter((r) => r.rule !== 'public' && r.rule !== 'signed-in')) {
      const response = await support.request(
        route.method,
        concrete(route.url),
        route.method === 'GET' ? undefined : {},
      );
      if (roleMay('support', route.rule as Parameters<typeof roleMay>[1])) {
        expect({ route, status: response.status }).not.toEqual({ route, status: 403 });
        expect(response.status).not.toBe(401);
      } else {
        expect({ route, status: response.status, error: response.json.error }).toEqual({
          route,
          status: 403,
          error: 'forbidden',
        });
      }
    }
  });

  it('answers 403 to a state-changing request without the CSRF token, or from another origin', async () => {
    const unsafe = adminRoutes().filter((r) => r.method !== 'GET' && !PUBLIC_ROUTES.has(`${r.method} ${r.url}`));
    expect(unsafe.length).toBeGreaterThan(5);
    for (const route of unsafe) {
      const withoutToken = await admin.request(route.method, concrete(route.url), {}, { csrf: false });
      expect({ route, status: withoutToken.status, error: withoutToken.json.error }).toEqual({
        route,
        status: 403,
        error: 'csrf_failed',
      });
      const wrongToken = await admin.request(
        route.method,
        concrete(route.url),
        {},
        {
          csrf: false,
          headers: { 'x-csrf-token': 'x'.repeat(43) },
        },
      );
      expect(wrongToken.status).toBe(403);
      const crossSite = await admin.request(
        route.method,
        concrete(route.url),
        {},
        {
          headers: { origin: 'https://evil.example' },
        },
      );
      expect(crossSite.status).toBe(403);
    }
  });
});

describe('sessions', () => {
  it('sets an HttpOnly, SameSite=Strict, Secure cookie and keeps only its digest', async () => {
    const client = StaffClient.anonymous(running.gatehouse.baseUrl);
    const response = await client.signIn('admin@example.com', STAFF_PASSWORD);
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^__Host-gatehouse_staff=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Secure/i);
    expect(cookie).toMatch(/Path=\//);
    expect(response.json).toMatchObject({
      staff: { email: 'admin@example.com', role: 'admin' },
      idleTimeoutSeconds: 1800,
    });
    const secret = client.cookie!.split('=')[1];
    const stored = await running.gatehouse.db.query('SELECT token_digest FROM staff_sessions');
    expect(stored.rows.map((row: { token_digest: string }) => row.token_digest)).not.toContain(secret);
    expect((await client.get('/api/admin/session')).json).toMatchObject({ staff: { email: 'admin@example.com' } });
  });

  it('gives support only its own permissions to show', async () => {
    const response = await support.get('/api/admin/session');
    expect(response.json.permissions).toEqual(['users.read', 'users.resend', 'stats.read']);
  });

  it('revokes the session on sign-out: the same cookie no longer works', async () => {
    const client = await StaffClient.signIn(running.gatehouse.baseUrl, 'admin@example.com');
    expect((await client.request('DELETE', '/api/admin/session')).status).toBe(204);
    const after = await client.get('/api/admin/session');
    expect(after.status).toBe(401);
    const row = await running.gatehouse.db.query(
      'SELECT count(*)::int AS revoked FROM staff_sessions WHERE revoked_at IS NOT NULL',
    );
    expect(row.rows[0].revoked).toBeGreaterThanOrEqual(1);
  });

  it('ends a session after 30 idle minutes and after 12 hours', async () => {
    const sessionIds = async () =>
      new Set(
        (await running.gatehouse.db.query('SELECT id FROM staff_sessions')).rows.map((row: { id: string }) => row.id),
      );
    const before = await sessionIds();
    const idle = await StaffClient.signIn(running.gatehouse.baseUrl, 'support@example.com');
    const [idleId] = [...(await sessionIds())].filter((id) => !before.has(id));
    const lifetime = await StaffClient.signIn(running.gatehouse.baseUrl, 'support@example.com');
    const [lifetimeId] = [...(await sessionIds())].filter((id) => !before.has(id) && id !== idleId);
    await running.gatehouse.db.query(
      `UPDATE staff_sessions SET last_seen_at = now() - interval '31 minutes' WHERE id = $1`,
      [idleId],
    );
    await running.gatehouse.db.query(
      `UPDATE staff_sessions SET created_at = now() - interval '12 hours', expires_at = now() - interval '1 second' WHERE id = $1`,
      [lifetimeId],
    );
    expect((await idle.get('/api/admin/session')).status).toBe(401);
    expect((await lifetime.get('/api/admin/session')).status).toBe(401);
    expect((await support.get('/api/admin/session')).status).toBe(200);
  });

  it('locks an address out after 5 failures, says when to come back, and never tells whether it exists', async () => {
    await addStaff(running.gatehouse, 'locked@example.com', 'support');
    const client = StaffClient.anonymous(running.gatehouse.baseUrl);
    const known: number[] = [];
    const unknown: number[] = [];
    const bodies = new Set<string>();
    for (let i = 0; i < 5; i += 1) {
      const a = await client.signIn('locked@example.com', 'wrong password');
      const b = await client.signIn('nobody-here@example.com', 'wrong password');
      known.push(a.status);
      unknown.push(b.status);
      if (i < 4) bodies.add(a.text).add(b.text);
    }
    expect(bodies.size).toBe(1);
    expect(known).toEqual([401, 401, 401, 401, 429]);
    expect(unknown).toEqual(known);
    const locked = await client.signIn('locked@example.com', STAFF_PASSWORD);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800);
    expect(locked.json).toMatchObject({ error: 'sign_in_locked' });
    await running.gatehouse.db.query(
      `UPDATE staff_sign_in_failures SET locked_until = now() - interval '1 second' WHERE email_normalized = 'locked@example.com'`,
    );
    expect((await client.signIn('locked@example.com', STAFF_PASSWORD)).status).toBe(200);
  });

  it("ends a staff member's sessions when an admin disables them, and audits it", async () => {
    const id = await addStaff(running.gatehouse, 'leaving@example.com', 'support');
    const leaving = await StaffClient.signIn(running.gatehouse.baseUrl, 'leaving@example.com');
    const response = await admin.request('PATCH', `/api/admin/staff/${id}`, {
      disabled: true,
      reason: 'left the team',
    });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ disabled: true });
    expect((await leaving.get('/api/admin/session')).status).toBe(401);
    expect(
      (await StaffClient.anonymous(running.gatehouse.baseUrl).signIn('leaving@example.com', STAFF_PASSWORD)).status,
    ).toBe(401);
    const audit = await admin.get(`/api/admin/audit?action=staff.update&targetType=staff&targetId=${id}`);
    expect(audit.json.items).toEqual([
      expect.objectContaining({ reason: 'left the team', changes: { disabled: { from: false, to: true } } }),
    ]);
  });

  it('lets admins add staff, refusing a taken address and a missing reason', async () => {
    const created = await admin.post('/api/admin/staff', {
      email: 'new-helper@example.com',
      password: STAFF_PASSWORD,
      role: 'support',
      reason: 'new hire',
    });
    expect(created.status).toBe(201);
    const again = await admin.post('/api/admin/staff', {
      email: 'NEW-helper@example.com',
      password: STAFF_PASSWORD,
      role: 'support',
      reason: 'new hire',
    });
    expect(again.status).toBe(409);
    const noReason = await admin.post('/api/admin/staff', {
      email: 'other@example.com',
      password: STAFF_PASSWORD,
      role: 'support',
      reason: ' ',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.json.errors).toEqual([expect.objectContaining({ field: 'reason' })]);
    const list = await admin.get('/api/admin/staff');
    expect((list.json as unknown as Array<{ email: string }>).map((s) => s.email)).toContain('new-helper@example.com');
  });
});

describe('the first admin', () => {
  it('is created through the one-time setup link when there is no staff', async () => {
    await running.gatehouse.db.query('DELETE FROM staff_sessions');
    await running.gatehouse.db.query('DELETE FROM staff_members');
    const outcome = await running.gatehouse.app.get(PrepareFirstAdmin).execute({});
    if (outcome.kind !== 'setup_link') throw new Error('expected a setup link');
    // The dashboard's setup page (apps/admin) reads the token from its link and posts it here.
    const setup = StaffClient.anonymous(running.gatehouse.baseUrl);
    const weak = await setup.post('/api/admin/setup', {
      token: outcome.secret,
      email: 'first@example.com',
      password: 'short',
    });
    expect(weak.status).toBe(400);
    expect(weak.json.errors).toEqual([expect.objectContaining({ field: 'password' })]);
    const done = await setup.post('/api/admin/setup', {
      token: outcome.secret,
      email: 'first@example.com',
      password: STAFF_PASSWORD,
    });
    expect(done.status).toBe(201);
    expect(done.json).toMatchObject({ email: 'first@example.com', role: 'admin' });
    const reused = await setup.post('/api/admin/setup', {
      token: outcome.secret,
      email: 'second@example.com',
      password: STAFF_PASSWORD,
    });
    expect(reused.status).toBe(410);
    const first = await StaffClient.signIn(running.gatehouse.baseUrl, 'first@example.com');
    expect((await first.get('/api/admin/session')).json).toMatchObject({ staff: { role: 'admin' } });
    expect(await running.gatehouse.app.get(PrepareFirstAdmin).execute({})).toEqual({ kind: 'staff_exist' });
  });
});

describe('the OpenAPI document', () => {
  it('documents every back-office route at /api/docs-json, and serves the browsable page at /api/docs', async () => {
    const response = await fetch(`${running.gatehouse.baseUrl}/api/docs-json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as { paths: Record<string, Record<string, unknown>> };
    for (const route of adminRoutes()) {
      const path = route.url.replace(/:([a-zA-Z]+)/g, '{$1}');
      expect({ path, methods: Object.keys(document.paths[path] ?? {}) }).toEqual({
        path,
        methods: expect.arrayContaining([route.method.toLowerCase()]),
      });
    }
    const page = await fetch(`${running.gatehouse.baseUrl}/api/docs`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('swagger-ui');
  });
});

describe('the per-IP limit on staff sign-in', () => {
  const limited = useTestApp({ ...HIGH_LIMITS, RATE_LIMIT_STAFF_SIGNIN: '3/1m' });

  it('answers 429 with Retry-After once one address has tried too often, whichever staff address it tries', async () => {
    const client = StaffClient.anonymous(limited.gatehouse.baseUrl);
    const statuses: number[] = [];
    for (const address of ['a@example.com', 'b@example.com', 'c@example.com', 'd@example.com']) {
      statuses.push((await client.signIn(address, 'some password')).status);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    const refused = await client.signIn('e@example.com', 'some password');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
