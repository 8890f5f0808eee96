import type { EmailTemplate } from '@gatehouse/domain/mail/outgoing-email';
import { MailerService } from '@nestjs-modules/mailer';
import { EmailComposer } from './email-composer';

const composer = new EmailComposer({
  appUrl: 'https://id.example.com/',
  productName: 'Acme <b>&</b> Co',
  supportEmail: 'help@acme.example',
  brandColor: '#0a7c2f',
});
const token = 'abcDEF123_-abcDEF123_-abcDEF123_-abcDEF1234';
const link = `https://id.example.com/confirm?token=${token}`;
const confirmation = { token, code: '042517', expiresAt: '2026-06-01T10:00:00Z' };

/** The email as it leaves: the HTML part rendered by the mailer from the composer's templates, as MailModule sets it up. */
async function render(template: EmailTemplate, locale: string, data: Record<string, unknown>) {
  const email = composer.compose(template, locale, data);
  const mailer = new MailerService(
    { transport: { jsonTransport: true }, ...composer.mailerTemplateOptions },
    undefined as never,
  );
  const { template: name, context, subject, text } = email;
  const sent = (await mailer.sendMail({ to: 'someone@example.com', subject, template: name, context, text })) as {
    message: string;
  };
  const message = JSON.parse(sent.message) as { subject: string; html: string; text: string };
  return { subject: message.subject, html: message.html, text: message.text };
}

describe('EmailComposer', () => {
  describe.each([
    [
      'en',
      'Confirm your email address for Acme <b>&</b> Co',
      'Confirm my email',
      '1 June 2026 at 10:00 UTC',
      'Questions? Write to help@acme.example.',
    ],
    [
      'de',
      'Bestätigen Sie Ihre E-Mail-Adresse für Acme <b>&</b> Co',
      'E-Mail-Adresse bestätigen',
      '1. Juni 2026 um 10:00 UTC',
      'Fragen? Schreiben Sie an help@acme.example.',
    ],
  ])('the confirmation email in %s', (locale, subject, button, expiry, footer) => {
    let email: { subject: string; html: string; text: string };
    beforeAll(async () => {
      email = await render('confirmation', locale, confirmation);
    });

    it('has a subject and both parts, carrying the same link, code and expiry', () => {
      expect(email.subject).toBe(subject);
      expect(email.text).toContain(link);
      expect(email.text).toContain('042517');
      expect(email.text).toContain('https://id.example.com/confirm/code');
      expect(email.text).toContain(expiry);
      expect(email.text).toContain(footer);
      // Handlebars writes "=" in attributes as &#x3D;, which every mail client reads back as "=".
      expect(email.html.replace(/&#x3D;/g, '=')).toContain(`href="${link}"`);
      expect(email.html).toContain(`>${button}</a>`);
      expect(email.html).toContain('>042517</p>');
      expect(email.html).toContain(expiry);
      expect(email.html).toContain(`<html lang="${locale}">`);
    });

    it('is styled inline for mail clients, in the configured colour, and fits a phone', () => {
      expect(email.html).not.toMatch(/<style|<link|<script/);
      expect(email.html).toContain('background:#0a7c2f');
      expect(email.html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1" />');
      expect(email.html).toContain('max-width:560px');
    });
  });

  it('escapes configured and stored values in the HTML part', async () => {
    const email = await render('confirmation', 'en', {
      token: '"><script>alert(1)</script>',
      code: '<img src=x>',
      expiresAt: '2026-06-01T10:00:00Z',
    });
    expect(email.html).not.toContain('<script>');
    expect(email.html).not.toContain('<img src=x>');
    expect(email.html).not.toContain('<b>&</b>');
    expect(email.html).toContain('Acme &lt;b&gt;&amp;&lt;/b&gt; Co');
    // In the link itself the token is percent-encoded before it is ever written.
    expect(email.text).toContain('token=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E');
  });

  it.each([
    ['en', 'Your Acme <b>&</b> Co account already exists', 'Your password has not been changed.'],
    ['de', 'Ihr Konto bei Acme <b>&</b> Co besteht bereits', 'Ihr Passwort wurde nicht geändert.'],
  ])(
    'writes the "already have an account" notice in %s, with no link that confirms or changes anything',
    async (locale, subject, reassurance) => {
      const email = await render('already-registered', locale, {});
      expect(email.subject).toBe(subject);
      expect(email.text).toContain('https://id.example.com/');
      expect(email.text).toContain(reassurance);
      expect(email.html).toContain(reassurance);
      expect(email.text).not.toContain('token=');
      expect(email.html).not.toContain('token');
    },
  );

  it('writes in English for a language it does not have', () => {
    expect(composer.compose('already-registered', 'fr', {}).subject).toBe(
      'Your Acme <b>&</b> Co account already exists',
    );
  });

  it('still renders an email queued before codes existed, with the link only, and leaves out an unset footer', () => {
    const plain = new EmailComposer({ appUrl: 'https://id.example.com', productName: 'Acme', brandColor: '#1d4ed8' });
    const email = plain.compose('confirmation', 'en', { token: 'x'.repeat(43), expiresAt: '2026-06-01T10:00:00Z' });
    expect(email.text).toContain('/confirm?token=');
    expect(email.text).not.toContain('/confirm/code');
    expect(email.text).not.toContain('Questions?');
  });
});
