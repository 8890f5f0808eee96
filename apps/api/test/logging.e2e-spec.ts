import { SmtpSink, tokenFrom, waitUntil } from '@gatehouse/infrastructure/testing/smtp-sink';
import { postForm, postJson, startTestApp, type TestApp } from './support/test-app';

describe('Logs: structured, with a request id, and never a password, token or code', () => {
  const lines: string[] = [];
  let smtp: SmtpSink;
  let gatehouse: TestApp;

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    gatehouse = await startTestApp(
      smtp,
      { LOG_LEVEL: 'debug', LOG_FORMAT: 'json' },
      { logDestination: { write: (line: string) => void lines.push(line) } },
    );
  });

  afterAll(async () => {
    await gatehouse.close();
    await smtp.down();
  });

  it('keeps secrets out while logging every request as JSON with its id', async () => {
    const password = 'Sup3r-Secret-Passw0rd';
    await postJson(gatehouse.baseUrl, '/api/registrations', { email: 'logs@example.com', password });
    const [email] = await smtp.waitFor('logs@example.com');
    const token = tokenFrom(email);
    const code = /^\s+(\d{6})\s*$/m.exec(email.text)![1];
    await fetch(`${gatehouse.baseUrl}/confirm?token=${token}`);
    await postForm(gatehouse.baseUrl, '/confirm/code', { email: 'logs@example.com', code });
    await postJson(gatehouse.baseUrl, '/api/confirmations', { token });
    await postForm(gatehouse.baseUrl, '/register', { email: 'broken', password });
    const traced = await fetch(`${gatehouse.baseUrl}/health/ready`, { headers: { 'x-request-id': 'lb-4711' } });
    expect(traced.headers.get('x-request-id')).toBe('lb-4711');
    const fresh = await fetch(`${gatehouse.baseUrl}/health/ready`, { headers: { 'x-request-id': 'bad id <script>' } });
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    // The last request's line comes after every line the earlier requests (and the email they sent) wrote.
    const lastId = `"id":"${fresh.headers.get('x-request-id')}"`;
    await waitUntil(
      () =>
        lines.some((line) => line.includes('"msg":"request completed"') && line.includes(lastId)) ? true : undefined,
      10_000,
      () => 'the log line of the last request',
    );

    const all = lines.join('');
    expect(lines.length).toBeGreaterThan(5);
    for (const secret of [password, token, code, encodeURIComponent(password)]) expect(all).not.toContain(secret);

    const entries = lines.map((line) => JSON.parse(line) as { req?: { id?: string; path?: string }; msg?: string });
    const requests = entries.filter((entry) => entry.msg === 'request completed');
    expect(requests.map((entry) => entry.req?.path)).toEqual(
      expect.arrayContaining(['/api/registrations', '/confirm', '/confirm/code', '/api/confirmations', '/register']),
    );
    expect(requests.every((entry) => typeof entry.req?.id === 'string' && entry.req.id.length > 0)).toBe(true);
    expect(requests.some((entry) => entry.req?.id === 'lb-4711')).toBe(true);
  });
});
