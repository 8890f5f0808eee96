import { type ReceivedEmail, type SmtpSink } from '@gatehouse/infrastructure/testing/smtp-sink';
import { postForm, postJson, type TestApp, TEST_APP_URL, useTestApp } from './support/test-app';

function codeFrom(email: ReceivedEmail): string {
  const match = /^\s+(\d{6})\s*$/m.exec(email.text);
  if (!match) throw new Error(`No code in: ${email.text}`);
  return match[1];
}

describe('Confirming with the address and the 6-digit code from the email', () => {
  const running = useTestApp();
  let smtp: SmtpSink;
  let gatehouse: TestApp;

  beforeAll(() => ({ smtp, gatehouse } = running));

  const signUp = async (address: string) => {
    await postJson(gatehouse.baseUrl, '/api/registrations', { email: address, password: 'long enough password' });
    const [email] = await smtp.waitFor(address);
    return email;
  };
  const status = async (address: string) =>
    (await gatehouse.db.query('SELECT status FROM users WHERE email_normalized = $1', [address])).rows[0]
      .status as string;

  it('puts the code and the page to type it into both parts of the email', async () => {
    const email = await signUp('both@example.com');
    const code = codeFrom(email);
    expect(email.text).toContain(`${TEST_APP_URL}/confirm/code`);
    expect(email.html).toContain(`>${code}</p>`);
    const stored = await gatehouse.db.query(
      `SELECT code_digest FROM confirmation_tokens t JOIN users u ON u.id = t.user_id WHERE u.email_normalized = 'both@example.com'`,
    );
    expect(stored.rows[0].code_digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('activates the account through the JSON API', async () => {
    const code = codeFrom(await signUp('json@example.com'));
    const answer = await postJson(gatehouse.baseUrl, '/api/confirmations/code', { email: 'JSON@example.com', code });
    expect(answer).toMatchObject({ status: 200, json: { status: 'confirmed' } });
    expect(await status('json@example.com')).toBe('active');
  });

  it('activates the account through the page reached from the sign-up page, without JavaScript', async () => {
    const home = await (await fetch(`${gatehouse.baseUrl}/`)).text();
    expect(home).toContain('href="/confirm/code"');
    const form = await (await fetch(`${gatehouse.baseUrl}/confirm/code`)).text();
    expect(form).toContain('<label for="code">Code</label>');
    expect(form).toContain('autocomplete="one-time-code"');

    const code = codeFrom(await signUp('page@example.com'));
    const done = await postForm(gatehouse.baseUrl, '/confirm/code', {
      email: 'page@example.com',
      code: `${code.slice(0, 3)} ${code.slice(3)}`,
    });
    expect(done.status).toBe(200);
    expect(done.html).toContain('Your email is confirmed');
    expect(await status('page@example.com')).toBe('active');
  });

  it('allows 5 codes an hour per address, then codes are void; the link still works', async () => {
    const email = await signUp('wrong@example.com');
    const code = codeFrom(email);
    const wrong = code === '000000' ? '111111' : '000000';
    const answers = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      answers.push(
        await postJson(gatehouse.baseUrl, '/api/confirmations/code', { email: 'wrong@example.com', code: wrong }),
      );
    }
    expect(answers.map((answer) => answer.json.error)).toEqual([
      'code_invalid',
      'code_invalid',
      'code_invalid',
      'code_invalid',
      'code_locked',
    ]);
    expect(answers.every((answer) => answer.status === 400)).toBe(true);
    const right = await postJson(gatehouse.baseUrl, '/api/confirmations/code', { email: 'wrong@example.com', code });
    expect(right).toMatchObject({ status: 400, json: { error: 'code_locked' } });
    const page = await postForm(gatehouse.baseUrl, '/confirm/code', { email: 'wrong@example.com', code });
    expect(page.status).toBe(400);
    expect(page.html).toContain('Too many codes were tried for this address');
    expect(await status('wrong@example.com')).toBe('pending');

    const token = /token=([A-Za-z0-9_-]{43})/.exec(email.text)![1];
    expect(await postJson(gatehouse.baseUrl, '/api/confirmations', { token })).toMatchObject({
      json: { status: 'confirmed' },
    });
  });

  it('locks an unknown address out exactly as a pending one: the same answers, attempt by attempt', async () => {
    const email = await signUp('locked-pending@example.com');
    const wrong = codeFrom(email) === '000000' ? '111111' : '000000';
    const answers = async (address: string) => {
      const seen: string[] = [];
      for (let attempt = 0; attempt < 7; attempt += 1) {
        const answer = await postJson(gatehouse.baseUrl, '/api/confirmations/code', { email: address, code: wrong });
        seen.push(`${answer.status} ${answer.text}`);
      }
      return seen;
    };
    const pending = await answers('locked-pending@example.com');
    expect(await answers('locked-ghost@example.com')).toEqual(pending);
    expect(pending[4]).toContain('code_locked');
  });

  it('checks at most 5 of 20 codes sent at once for one address', async () => {
    const email = await signUp('burst@example.com');
    const code = codeFrom(email);
    const wrong = code === '000000' ? '111111' : '000000';
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        postJson(gatehouse.baseUrl, '/api/confirmations/code', { email: 'burst@example.com', code: wrong }),
      ),
    );
    const errors = answers.map((answer) => answer.json.error);
    expect(errors.filter((error) => error === 'code_invalid')).toHaveLength(4);
    expect(errors.filter((error) => error === 'code_locked')).toHaveLength(16);
    const counted = await gatehouse.db.query(
      `SELECT attempts FROM confirmation_code_attempts WHERE email_normalized = 'burst@example.com'`,
    );
    expect(counted.rows[0].attempts).toBe(20);
  });

  it('answers an unknown address like a wrong code, and names bad fields', async () => {
    expect(
      await postJson(gatehouse.baseUrl, '/api/confirmations/code', { email: 'ghost@example.com', code: '123456' }),
    ).toMatchObject({
      status: 400,
      json: { error: 'code_invalid' },
    });
    expect(
      await postJson(gatehouse.baseUrl, '/api/confirmations/code', { email: 'ghost@example.com', code: 'abc' }),
    ).toMatchObject({
      status: 400,
      json: { errors: [{ field: 'code', message: 'Enter the 6 digits from the email.' }] },
    });
    const page = await postForm(gatehouse.baseUrl, '/confirm/code', { email: 'not-an-address', code: '12' });
    expect(page.status).toBe(400);
    expect(page.html).toContain('Enter an email address like name@example.com.');
  });
});
