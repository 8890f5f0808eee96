import { waitUntil } from '@gatehouse/infrastructure/testing/smtp-sink';
import { addStaff, StaffClient } from './support/staff-client';
import { postJson, useTestApp } from './support/test-app';

const PASSWORD = 'correct horse battery staple';

// The per-address cooldown counts what reached someone or may still: an email the worker gave up on does not.
describe('An email that failed for good does not count against the per-address cooldown', () => {
  const running = useTestApp({ EMAIL_COOLDOWN: '60s', EMAIL_LIMIT_PER_ADDRESS: '3/1h' });
  let support: StaffClient;

  beforeAll(async () => {
    await addStaff(running.gatehouse, 'support@example.com', 'support');
    support = await StaffClient.signIn(running.gatehouse.baseUrl, 'support@example.com');
  });
  afterEach(() => running.smtp.acceptAll());

  const emailStates = async (address: string) =>
    (
      await running.gatehouse.db.query(
        `SELECT state FROM email_outbox WHERE channel = 'email' AND recipient_normalized = $1 ORDER BY created_at`,
        [address],
      )
    ).rows.map((row: { state: string }) => row.state);

  /** Signs up while the SMTP server refuses every message, and waits until the worker gives the email up. */
  async function signUpDuringOutage(address: string): Promise<string> {
    // A permanent refusal (5xx): the worker gives the email up at once instead of retrying.
    running.smtp.rejectWith(550, 'Requested action not taken: mailbox unavailable');
    expect(
      (await postJson(running.gatehouse.baseUrl, '/api/registrations', { email: address, password: PASSWORD })).status,
    ).toBe(202);
    await waitUntil(
      async () => ((await emailStates(address)).join() === 'failed' ? true : undefined),
      15_000,
      () => `the email to ${address} to fail for good`,
    );
    const { rows } = await running.gatehouse.db.query('SELECT id FROM users WHERE email_normalized = $1', [address]);
    return rows[0].id as string;
  }

  it('lets the person ask for a new link at once, and it arrives', async () => {
    const address = 'public-outage@example.com';
    await signUpDuringOutage(address);
    running.smtp.acceptAll();

    const resent = await postJson(running.gatehouse.baseUrl, '/api/registrations/resend', { email: address });
    expect(resent.status).toBe(202);
    const [email] = await running.smtp.waitFor(address);
    expect(email.text).toMatch(/\/confirm\?token=/);
    expect(await emailStates(address)).toEqual(['failed', 'sent']);

    // The email that left counts again: a third within the cooldown is not queued.
    await postJson(running.gatehouse.baseUrl, '/api/registrations/resend', { email: address });
    expect(await emailStates(address)).toEqual(['failed', 'sent']);
  });

  it('lets support resend at once after an outage, instead of "emailed too recently"', async () => {
    const address = 'staff-outage@example.com';
    const userId = await signUpDuringOutage(address);
    running.smtp.acceptAll();

    const resent = await support.post(`/api/admin/users/${userId}/resend-confirmation`, { reason: 'SMTP outage' });
    expect(resent.status).toBe(204);
    await running.smtp.waitFor(address);
    expect(await emailStates(address)).toEqual(['failed', 'sent']);
  });

  it('still counts an email that is being retried: it may yet arrive', async () => {
    const address = 'retrying@example.com';
    // A temporary refusal: the worker keeps the email queued and tries again.
    running.smtp.rejectWith(451, 'Try again later');
    await postJson(running.gatehouse.baseUrl, '/api/registrations', { email: address, password: PASSWORD });
    await waitUntil(
      async () => {
        const { rows } = await running.gatehouse.db.query(
          `SELECT count(*)::int AS n FROM email_outbox
            WHERE recipient_normalized = $1 AND state = 'queued' AND attempts > 0`,
          [address],
        );
        return rows[0].n === 1 ? true : undefined;
      },
      15_000,
      () => `the email to ${address} to have been tried and queued again`,
    );
    const { rows } = await running.gatehouse.db.query('SELECT id FROM users WHERE email_normalized = $1', [address]);
    const tooSoon = await support.post(`/api/admin/users/${rows[0].id}/resend-confirmation`, { reason: 'ticket 9' });
    expect(tooSoon.status).toBe(429);
    expect(tooSoon.json).toMatchObject({ error: 'resend_too_soon' });
  });
});
