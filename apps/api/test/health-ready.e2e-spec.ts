import { waitUntil } from '@gatehouse/infrastructure/testing/smtp-sink';
import { createServer } from 'node:net';
import { postJson, useTestApp } from './support/test-app';

/** A port on 127.0.0.1 that nothing listens on: taken from the system, then let go. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

interface Ready {
  status: string;
  details: Record<string, { status: string; [key: string]: unknown }>;
}

describe('GET /health/ready with a webhook receiver that is down', () => {
  const env: Record<string, string> = {
    WEBHOOK_SECRET: 'webhook-secret-for-tests-0123456789abcdef',
    OUTBOX_STUCK_AFTER: '1s',
    // The webhook keeps retrying for the whole test instead of failing for good.
    OUTBOX_MAX_ATTEMPTS: '100',
  };
  beforeAll(async () => {
    env.WEBHOOK_URLS = `http://127.0.0.1:${await closedPort()}/events`;
  });
  const running = useTestApp(env);

  const ready = async () => {
    const response = await fetch(`${running.gatehouse.baseUrl}/health/ready`);
    return { status: response.status, body: (await response.json()) as Ready };
  };

  it('reports the webhooks degraded on their own, and the email outbox up', async () => {
    const answer = await postJson(running.gatehouse.baseUrl, '/api/registrations', {
      email: 'hooked@example.com',
      password: 'long enough password',
    });
    expect(answer.status).toBe(202);
    await running.smtp.waitFor('hooked@example.com');

    // Once the undeliverable webhook has waited longer than OUTBOX_STUCK_AFTER.
    const degraded = await waitUntil(
      async () => {
        const current = await ready();
        return current.body.details.webhooks?.status === 'degraded' ? current : undefined;
      },
      15_000,
      () => 'the webhooks to be reported degraded',
    );
    expect(degraded.status).toBe(200);
    expect(degraded.body.details.webhooks).toEqual({
      status: 'degraded',
      waitingWebhooks: 1,
      oldestWaitingSeconds: expect.any(Number),
    });
    expect(degraded.body.details.outbox).toEqual({ status: 'up', waitingEmails: 0, oldestWaitingSeconds: 0 });
    expect(degraded.body.details.database).toEqual({ status: 'up' });
    expect(degraded.body.details.migrations).toEqual({ status: 'up' });

    // It was tried and is still waiting: the receiver is down, not the webhook forgotten.
    const webhook = await running.gatehouse.db.query(
      `SELECT state, attempts FROM email_outbox WHERE channel = 'webhook'`,
    );
    expect(webhook.rows).toHaveLength(1);
    expect(webhook.rows[0].state).toMatch(/^(queued|sending)$/);
    expect(webhook.rows[0].attempts).toBeGreaterThan(0);
  });
});
