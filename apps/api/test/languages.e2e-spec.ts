import { type SmtpSink, tokenFrom } from '@gatehouse/infrastructure/testing/smtp-sink';
import { postForm, postJson, type TestApp, useTestApp } from './support/test-app';

describe('Languages: English and German, from Accept-Language at sign-up, kept for every later email', () => {
  const running = useTestApp({ SUPPORT_EMAIL: 'hilfe@example.com', EMAIL_COOLDOWN: '0s' });
  let smtp: SmtpSink;
  let gatehouse: TestApp;

  beforeAll(() => ({ smtp, gatehouse } = running));

  const page = async (path: string, language: string) =>
    (await fetch(`${gatehouse.baseUrl}${path}`, { headers: { 'accept-language': language } })).text();

  it('shows the pages in the language the browser asks for', async () => {
    const german = await page('/', 'de-DE,de;q=0.9,en;q=0.8');
    expect(german).toContain('<html lang="de">');
    expect(german).toContain('<label for="email">E-Mail-Adresse</label>');
    expect(german).toContain('>Registrieren</button>');
    const english = await page('/', 'fr-FR, en;q=0.5');
    expect(english).toContain('<html lang="en">');
    expect(english).toContain('>Sign up</button>');
  });

  it('signs up in German: German page, German email, stored on the user, used again for a later resend', async () => {
    const response = await fetch(`${gatehouse.baseUrl}/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'de' },
      body: new URLSearchParams({ email: 'kurz@example.de', password: 'kurz' }).toString(),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Verwenden Sie mindestens 8 Zeichen (Sie haben 4 eingegeben).');

    const signUp = await fetch(`${gatehouse.baseUrl}/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'de' },
      body: new URLSearchParams({ email: 'jana@example.de', password: 'ein gutes Passwort' }).toString(),
    });
    const checkEmail = await signUp.text();
    expect(checkEmail).toContain('Sehen Sie in Ihr Postfach');
    expect(checkEmail).toContain('Der Link ist 1 Tag gültig.');

    const [email] = await smtp.waitFor('jana@example.de');
    expect(email.subject).toBe('Bestätigen Sie Ihre E-Mail-Adresse für Gatehouse');
    expect(email.text).toContain('Bitte bestätigen Sie Ihre E-Mail-Adresse');
    expect(email.text).toContain('Fragen? Schreiben Sie an hilfe@example.com.');
    expect(email.html).toContain('<html lang="de">');
    const stored = await gatehouse.db.query(`SELECT locale FROM users WHERE email_normalized = 'jana@example.de'`);
    expect(stored.rows[0].locale).toBe('de');

    // A resend asked for from an English browser still writes to Jana in German.
    await postJson(
      gatehouse.baseUrl,
      '/api/registrations/resend',
      { email: 'jana@example.de' },
      { 'accept-language': 'en' },
    );
    const [, second] = await smtp.waitFor('jana@example.de', 2);
    expect(second.subject).toBe('Bestätigen Sie Ihre E-Mail-Adresse für Gatehouse');

    const confirmPage = await page(`/confirm?token=${tokenFrom(second)}`, 'de');
    expect(confirmPage).toContain('E-Mail-Adresse bestätigen');
    const done = await fetch(`${gatehouse.baseUrl}/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'de' },
      body: new URLSearchParams({ token: tokenFrom(second) }).toString(),
    });
    expect(await done.text()).toContain('Ihre E-Mail-Adresse ist bestätigt');
  });

  it('signs up through the JSON API in German and sends the German notice to an active account', async () => {
    await postJson(
      gatehouse.baseUrl,
      '/api/registrations',
      { email: 'max@example.de', password: 'ein gutes Passwort' },
      { 'accept-language': 'de-AT' },
    );
    const [first] = await smtp.waitFor('max@example.de');
    expect(first.subject).toContain('Bestätigen Sie');
    await postJson(gatehouse.baseUrl, '/api/confirmations', { token: tokenFrom(first) });
    await postJson(gatehouse.baseUrl, '/api/registrations', {
      email: 'max@example.de',
      password: 'ein gutes Passwort',
    });
    const [, notice] = await smtp.waitFor('max@example.de', 2);
    expect(notice.subject).toBe('Ihr Konto bei Gatehouse besteht bereits');
    expect(notice.text).toContain('Ihr Passwort wurde nicht geändert.');
  });

  it('explains a bad link in German', async () => {
    const problem = await page('/confirm?token=nonsense', 'de');
    expect(problem).toContain('Dieser Link ist ungültig');
    const code = await postForm(gatehouse.baseUrl, '/confirm/code', { email: 'x@example.com', code: '1' });
    expect(code.html).toContain('Enter the 6 digits from the email.');
  });
});
