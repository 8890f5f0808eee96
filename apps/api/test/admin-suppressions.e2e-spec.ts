import { randomBytes } from 'node:crypto';
import { addStaff, StaffClient } from './support/staff-client';
import { postJson, useTestApp } from './support/test-app';

const POSTMARK = { user: 'postmark', password: 'postmark-password-0123456789' };
const running = useTestApp({
  POSTMARK_WEBHOOK_USER: POSTMARK.user,
  POSTMARK_WEBHOOK_PASSWORD: POSTMARK.password,
  EMAIL_COOLDOWN: '0s',
});
let support: StaffClient;
let admin: StaffClient;
const run = randomBytes(3).toString('hex');

beforeAll(async () => {
  await addStaff(running.gatehouse, 'support@example.com', 'support');
  support = await StaffClient.signIn(running.gatehouse.baseUrl, 'support@example.com');
  await addStaff(running.gatehouse, 'admin@example.com', 'admin');
  admin = await StaffClient.signIn(running.gatehouse.baseUrl, 'admin@example.com');
});

/** Signs a person up and returns their id and the outbox id of the confirmation email that left. */
async function signUp(address: string): Promise<{ userId: string; outboxId: string }> {
  const response = await postJson(running.gatehouse.baseUrl, '/api/registrations', {
    email: address,
    password: 'long enough password',
  });
  expect(response.status).toBe(202);
  const [email] = await running.smtp.waitFor(address);
  const { rows } = await running.gatehouse.db.query('SELECT id FROM users WHERE email_normalized = $1', [address]);
  return { userId: rows[0].id as string, outboxId: String(email.headers.get('x-pm-metadata-gatehouse-email-id')) };
}

/** Postmark reports a hard bounce of that email, as its webhook does. */
async function hardBounce(outboxId: string): Promise<void> {
  const response = await fetch(`${running.gatehouse.baseUrl}/api/email-events/postmark`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Basic ${Buffer.from(`${POSTMARK.user}:${POSTMARK.password}`).toString('base64')}`,
    },
    body: JSON.stringify({
      RecordType: 'Bounce',
      ID: Math.floor(Math.random() * 1e9),
      Type: 'HardBounce',
      MessageID: '883953f4-6105-42a2-a16a-77a8eac79483',
      Details: 'smtp;550 5.1.1 The email account that you tried to reach does not exist.',
      BouncedAt: new Date().toISOString(),
      Metadata: { 'gatehouse-email-id': outboxId },
    }),
  });
  expect(response.status).toBe(200);
}

describe('suppressed addresses in the back office', () => {
  let gone: { userId: string; outboxId: string };
  let fine: { userId: string; outboxId: string };
  const goneAddress = `gone-${run}@example.com`;
  const fineAddress = `fine-${run}@example.com`;

  beforeAll(async () => {
    gone = await signUp(goneAddress);
    fine = await signUp(fineAddress);
    await hardBounce(gone.outboxId);
  });

  it('lists undeliverable users (and the others) with the filter', async () => {
    const undeliverable = await support.request('GET', `/api/admin/users?undeliverable=true&q=${run}`);
    expect(undeliverable.status).toBe(200);
    expect((undeliverable.json.items as Array<{ id: string }>).map((u) => u.id)).toEqual([gone.userId]);
    expect(undeliverable.json.total).toBe(1);
    const deliverable = await support.request('GET', `/api/admin/users?undeliverable=false&q=${run}`);
    expect((deliverable.json.items as Array<{ id: string }>).map((u) => u.id)).toEqual([fine.userId]);
    expect((await support.request('GET', '/api/admin/users?undeliverable=maybe')).status).toBe(400);
  });

  it("shows the suppression and the bounce, in plain words, on the person's page", async () => {
    const detail = await support.request('GET', `/api/admin/users/${gone.userId}`);
    expect(detail.status).toBe(200);
    expect(detail.json.suppression).toEqual({
      cause: 'hard_bounce',
      reason: expect.stringContaining('bounced for good: 5.1.1'),
      smtpStatus: '5.1.1',
      diagnostic: expect.stringContaining('550 5.1.1'),
      since: expect.any(String),
      until: null,
      active: true,
    });
    expect(detail.json.deliveryEvents).toEqual([
      expect.objectContaining({
        emailId: gone.outboxId,
        provider: 'postmark',
        kind: 'bounced',
        bounceType: 'hard',
        description: 'the mailbox does not exist: 550 5.1.1',
      }),
    ]);
    const other = await support.request('GET', `/api/admin/users/${fine.userId}`);
    expect(other.json).toMatchObject({ suppression: null, deliveryEvents: [] });
  });

  it('refuses a resend to the suppressed address with 409 and the reason; bulk runs skip it and say so', async () => {
    const refused = await support.request('POST', `/api/admin/users/${gone.userId}/resend-confirmation`, {
      reason: 'says the email never came',
    });
    expect(refused.status).toBe(409);
    expect(refused.json).toEqual({
      error: 'address_suppressed',
      message: expect.any(String),
      reason: expect.stringContaining('bounced for good'),
    });

    const filter = { q: run };
    const dryRun = await admin.request('POST', '/api/admin/users/bulk-resend', { filter, dryRun: true });
    expect(dryRun.json).toEqual({ matched: 2, suppressed: 1, dryRun: true });
    const sent = await admin.request('POST', '/api/admin/users/bulk-resend', { filter, reason: 'SMTP outage' });
    expect(sent.json).toEqual({ matched: 2, queued: 1, limited: 0, skipped: 1, suppressed: 1, dryRun: false });
  });

  it('lifts the suppression with a reason (audited); the resend then goes', async () => {
    const path = `/api/admin/users/${gone.userId}/suppression`;
    expect((await support.request('DELETE', path, { reason: '' })).status).toBe(400);
    expect((await support.request('DELETE', path, { reason: 'mailbox recreated, confirmed by phone' })).status).toBe(
      204,
    );
    const { rows } = await running.gatehouse.db.query(
      `SELECT staff_email, action, reason, changes FROM audit_log WHERE target_id = $1 AND action = 'user.suppression_lifted'`,
      [gone.userId],
    );
    expect(rows).toEqual([
      {
        staff_email: 'support@example.com',
        action: 'user.suppression_lifted',
        reason: 'mailbox recreated, confirmed by phone',
        changes: expect.objectContaining({ cause: 'hard_bounce', wasActive: true }),
      },
    ]);
    const again = await support.request('DELETE', path, { reason: 'twice' });
    expect(again).toMatchObject({ status: 404, json: { error: 'not_suppressed' } });
    const detail = await support.request('GET', `/api/admin/users/${gone.userId}`);
    expect(detail.json.suppression).toBeNull();
    expect(detail.json.deliveryEvents).toHaveLength(1);
    const resend = await support.request('POST', `/api/admin/users/${gone.userId}/resend-confirmation`, {
      reason: 'mailbox fixed',
    });
    expect(resend.status).toBe(204);
  });
});
