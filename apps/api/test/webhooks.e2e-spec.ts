import { PurgeUnconfirmedAccounts } from '@gatehouse/domain/use-cases/purge-unconfirmed-accounts.use-case';
import { type SmtpSink, tokenFrom, waitUntil } from '@gatehouse/infrastructure/testing/smtp-sink';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UserDetailQuery } from '../src/admin/queries/user-detail.query';
import { addStaff, StaffClient } from './support/staff-client';
import { postJson, type TestApp, useTestApp } from './support/test-app';

const SECRET = 'webhook-secret-for-tests-0123456789abcdef';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver on 127.0.0.1: /ok always answers 204; /flaky answers 503 to its first two requests. */
async function startReceiver(): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  let flakyCalls = 0;
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      if (request.url === '/flaky' && (flakyCalls += 1) <= 2) {
        response.writeHead(503).end();
        return;
      }
      received.push({ path: request.url ?? '', headers: request.headers, body });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

function signatureIsValid(headers: IncomingHttpHeaders, body: string): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(headers['gatehouse-signature']));
  if (!match) return false;
  const expected = createHmac('sha256', SECRET).update(`${match[1]}.${body}`).digest();
  return (
    timingSafeEqual(expected, Buffer.from(match[2], 'hex')) && Math.abs(Date.now() / 1000 - Number(match[1])) < 300
  );
}

describe('Outgoing webhooks', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const env: Record<string, string> = { WEBHOOK_SECRET: SECRET };
  beforeAll(async () => {
    receiver = await startReceiver();
    env.WEBHOOK_URLS = `${receiver.url}/ok, ${receiver.url}/flaky`;
  });
  afterAll(() => new Promise<void>((resolve) => receiver.server.close(() => resolve())));

  const running = useTestApp(env);
  let smtp: SmtpSink;
  let gatehouse: TestApp;
  beforeAll(() => ({ smtp, gatehouse } = running));

  it('delivers signed user.registered and user.confirmed events to every URL, retrying a failing one', async () => {
    await postJson(gatehouse.baseUrl, '/api/registrations', {
      email: 'Hook@Example.com',
      password: 'long enough password',
    });
    const [email] = await smtp.waitFor('Hook@Example.com');
    await postJson(gatehouse.baseUrl, '/api/confirmations', { token: tokenFrom(email) });

    await waitUntil(
      () => (receiver.received.length >= 4 ? true : undefined),
      30_000,
      () => `4 webhooks; got ${receiver.received.length}`,
    );
    for (const path of ['/ok', '/flaky']) {
      const events = receiver.received.filter((item) => item.path === path).map((item) => JSON.parse(item.body));
      // Retries can reorder deliveries, as with every webhook system: receivers order by createdAt.
      expect(events.map((event) => event.type).sort()).toEqual(['user.confirmed', 'user.registered']);
      expect(events.find((event) => event.type === 'user.registered')).toMatchObject({
        id: expect.any(String),
        createdAt: expect.any(String),
        data: { email: 'Hook@Example.com' },
      });
    }
    for (const item of receiver.received) {
      expect(item.headers['content-type']).toBe('application/json');
      expect(item.headers['gatehouse-event']).toBe(JSON.parse(item.body).type);
      expect(item.headers['gatehouse-delivery']).toMatch(/^[0-9a-f-]{36}$/);
      expect(signatureIsValid(item.headers, item.body)).toBe(true);
      expect(item.body).not.toContain('password');
    }
    // The same event carries the same id to both URLs; each delivery has an id of its own.
    const ids = receiver.received.map((item) => JSON.parse(item.body).id as string);
    expect(new Set(ids).size).toBe(2);
    expect(new Set(receiver.received.map((item) => item.headers['gatehouse-delivery'])).size).toBe(4);

    const user = await gatehouse.db.query(`SELECT id FROM users WHERE email_normalized = 'hook@example.com'`);
    // What the back office shows under the person's deliveries.
    const detail = await gatehouse.app.get(UserDetailQuery).find(user.rows[0].id, new Date());
    const deliveries = detail?.deliveries ?? [];
    const webhooks = deliveries.filter((record) => record.channel === 'webhook');
    expect(webhooks).toHaveLength(4);
    expect(webhooks.every((record) => record.state === 'sent')).toBe(true);
    const flaky = webhooks.filter((record) => record.recipient.endsWith('/flaky'));
    expect(flaky.reduce((sum, record) => sum + record.attempts, 0)).toBe(4);
    expect(deliveries.filter((record) => record.channel === 'email')).toHaveLength(1);
  });

  it('announces an account removed because it was never confirmed as user.deleted', async () => {
    await postJson(gatehouse.baseUrl, '/api/registrations', {
      email: 'gone@example.com',
      password: 'long enough password',
    });
    await smtp.waitFor('gone@example.com');
    // Signed up (its only sign-up, too) eight days ago: the purge counts from the latest sign-up.
    await gatehouse.db.query(
      `UPDATE users SET created_at = now() - interval '8 days' WHERE email_normalized = 'gone@example.com'`,
    );
    await gatehouse.db.query(
      `UPDATE sign_up_attempts SET created_at = now() - interval '8 days'
        WHERE user_id = (SELECT id FROM users WHERE email_normalized = 'gone@example.com')`,
    );
    expect(await gatehouse.app.get(PurgeUnconfirmedAccounts).execute()).toBe(1);

    const deleted = await waitUntil(
      () => {
        const events = receiver.received
          .map((item) => JSON.parse(item.body))
          .filter((event) => event.type === 'user.deleted');
        return events.length >= 2 ? events : undefined;
      },
      30_000,
      () => 'user.deleted at both URLs',
    );
    expect(deleted.every((event) => event.data.email === 'gone@example.com')).toBe(true);
  });

  it('keeps webhooks out of the per-address email cooldown', async () => {
    await postJson(gatehouse.baseUrl, '/api/registrations', {
      email: 'cool@example.com',
      password: 'long enough password',
    });
    await smtp.waitFor('cool@example.com');
    const rows = await gatehouse.db.query(
      `SELECT channel, count(*)::int AS n FROM email_outbox o JOIN users u ON u.id = o.user_id
        WHERE u.email_normalized = 'cool@example.com' GROUP BY channel ORDER BY channel`,
    );
    expect(rows.rows).toEqual([
      { channel: 'email', n: 1 },
      { channel: 'webhook', n: 2 },
    ]);
  });
});

describe('Webhooks for what staff do', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const env: Record<string, string> = { WEBHOOK_SECRET: SECRET };
  beforeAll(async () => {
    receiver = await startReceiver();
    env.WEBHOOK_URLS = `${receiver.url}/ok`;
  });
  afterAll(() => new Promise<void>((resolve) => receiver.server.close(() => resolve())));
  const running = useTestApp(env);

  it('announces user.disabled and user.deleted, signed, when an admin disables and deletes an account', async () => {
    const { gatehouse, smtp } = running;
    await addStaff(gatehouse, 'hooks-admin@example.com', 'admin');
    const admin = await StaffClient.signIn(gatehouse.baseUrl, 'hooks-admin@example.com');
    await postJson(gatehouse.baseUrl, '/api/registrations', {
      email: 'staffed@example.com',
      password: 'long enough password',
    });
    await smtp.waitFor('staffed@example.com');
    const { rows } = await gatehouse.db.query(`SELECT id FROM users WHERE email_normalized = 'staffed@example.com'`);
    const userId = rows[0].id as string;
    expect((await admin.post(`/api/admin/users/${userId}/disable`, { reason: 'abuse report' })).status).toBe(204);
    expect(
      (await admin.request('DELETE', `/api/admin/users/${userId}`, { reason: 'asked to be forgotten' })).status,
    ).toBe(204);
    const events = await waitUntil(
      () => {
        const bodies = receiver.received.map(
          (item) => JSON.parse(item.body) as { type: string; data: { userId: string } },
        );
        const staffEvents = bodies.filter((event) => event.type === 'user.disabled' || event.type === 'user.deleted');
        return staffEvents.length >= 2 ? staffEvents : undefined;
      },
      30_000,
      () => 'user.disabled and user.deleted',
    );
    expect(events.map((event) => event.type).sort()).toEqual(['user.deleted', 'user.disabled']);
    expect(events.every((event) => event.data.userId === userId)).toBe(true);
    expect(receiver.received.every((item) => signatureIsValid(item.headers, item.body))).toBe(true);
  });
});
