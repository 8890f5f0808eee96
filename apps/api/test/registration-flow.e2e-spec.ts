import { type SmtpSink, tokenFrom } from '@gatehouse/infrastructure/testing/smtp-sink';
import { postForm, postJson, TEST_APP_URL, type TestApp, useTestApp } from './support/test-app';

describe('Registration, end to end: sign up, read the email, follow the link, press the button', () => {
  const running = useTestApp();
  let smtp: SmtpSink;
  let gatehouse: TestApp;

  beforeAll(() => ({ smtp, gatehouse } = running));

  it('activates the account through the JSON API and the confirmation page', async () => {
    const signUp = await postJson(gatehouse.baseUrl, '/api/registrations', {
      email: 'Alice@Example.com',
      password: 'correct horse battery',
    });
    expect(signUp.status).toBe(202);
    expect(signUp.json).toEqual({ status: 'pending_confirmation', message: expect.any(String) });

    const [email] = await smtp.waitFor('Alice@Example.com');
    expect(email.subject).toBe('Confirm your email address for Gatehouse');
    expect(email.html).toContain('Confirm my email');
    expect(email.text).toContain(`${TEST_APP_URL}/confirm?token=`);
    const token = tokenFrom(email);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // The link's page changes nothing: mail scanners fetch it with GET and HEAD.
    const head = await fetch(`${gatehouse.baseUrl}/confirm?token=${token}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    const page = await fetch(`${gatehouse.baseUrl}/confirm?token=${token}`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('Al***@Example.com');
    expect(html).toMatch(/<form method="post" action="\/confirm">/);
    expect(html).not.toMatch(/<script(?! src=)/);
    const before = await gatehouse.db.query('SELECT status FROM users WHERE email_normalized = $1', [
      'alice@example.com',
    ]);
    expect(before.rows).toEqual([{ status: 'pending' }]);

    const pressed = await postForm(gatehouse.baseUrl, '/confirm', { token });
    expect(pressed.status).toBe(200);
    expect(pressed.html).toContain('Your email is confirmed');

    const after = await gatehouse.db.query(
      'SELECT email, status, confirmed_at IS NOT NULL AS confirmed FROM users WHERE email_normalized = $1',
      ['alice@example.com'],
    );
    expect(after.rows).toEqual([{ email: 'Alice@Example.com', status: 'active', confirmed: true }]);

    const again = await postJson(gatehouse.baseUrl, '/api/confirmations', { token });
    expect(again.status).toBe(200);
    expect(again.json).toEqual({ status: 'already_confirmed' });
  });

  it('works as a plain HTML form without JavaScript: errors beside each field, then "check your email"', async () => {
    const form = await fetch(`${gatehouse.baseUrl}/`);
    const html = await form.text();
    expect(form.headers.get('content-type')).toContain('text/html');
    expect(html).toContain('<label for="email">Email address</label>');
    expect(html).toContain('<label for="password">Password</label>');
    expect(html).toContain('<form method="post" action="/register"');

    const invalid = await postForm(gatehouse.baseUrl, '/register', { email: 'bob@', password: 'short' });
    expect(invalid.status).toBe(400);
    expect(invalid.html).toContain('Enter an email address like name@example.com.');
    expect(invalid.html).toContain('Use at least 8 characters (you typed 5).');
    expect(invalid.html).toContain('value="bob@"');
    expect(invalid.html).not.toContain('short');

    const valid = await postForm(gatehouse.baseUrl, '/register', {
      email: 'bob@example.com',
      password: 'a fine password',
    });
    expect(valid.status).toBe(200);
    expect(valid.html).toContain('Check your email');
    const [email] = await smtp.waitFor('bob@example.com');

    const confirmed = await postJson(gatehouse.baseUrl, '/api/confirmations', { token: tokenFrom(email) });
    expect(confirmed.json).toEqual({ status: 'confirmed' });
  });

  it('serves the script the pages use to check fields as a person types', async () => {
    const script = await fetch(`${gatehouse.baseUrl}/assets/form-validation.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('javascript');
    const body = await script.text();
    expect(body).toContain('Use at least {min} characters (you typed {length}).');
    expect(body).toContain('Verwenden Sie mindestens {min} Zeichen');
    expect(body).toContain('Array.from(raw).length');
    expect((await fetch(`${gatehouse.baseUrl}/assets/..%2Fpackage.json`)).status).toBe(404);
  });
});
