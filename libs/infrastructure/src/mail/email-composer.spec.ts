import { EmailComposer } from './email-composer';

const composer = new EmailComposer({ appUrl: 'https://id.example.com/', productName: 'Acme <b>&</b> Co' });

describe('EmailComposer', () => {
  it('writes the confirmation email with an HTML and a plain-text part carrying the same link and code', () => {
    const token = 'abcDEF123_-abcDEF123_-abcDEF123_-abcDEF1234';
    const email = composer.compose('confirmation', { token, code: '042517', expiresAt: '2026-06-01T10:00:00Z' });
    const link = `https://id.example.com/confirm?token=${token}`;
    expect(email.subject).toBe('Confirm your email address for Acme <b>&</b> Co');
    expect(email.text).toContain(link);
    expect(email.text).toContain('042517');
    expect(email.text).toContain('https://id.example.com/confirm/code');
    expect(email.text).toContain('Mon, 01 Jun 2026 10:00:00 GMT');
    // Handlebars writes "=" in attributes as &#x3D;, which every mail client reads back as "=".
    expect(email.html.replace(/&#x3D;/g, '=')).toContain(`href="${link}"`);
    expect(email.html).toContain('>042517</p>');
    expect(email.html).toMatch(/^<!doctype html>/);
    expect(email.html).toContain('<meta name="viewport"');
  });

  it('escapes configured and stored values in the HTML part', () => {
    const email = composer.compose('confirmation', {
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

  it('writes the "already have an account" notice without any link that confirms or changes anything', () => {
    const email = composer.compose('already-registered', {});
    expect(email.subject).toBe('Your Acme <b>&</b> Co account already exists');
    expect(email.text).toContain('https://id.example.com/');
    expect(email.text).not.toContain('token=');
    expect(email.html).not.toContain('token');
    expect(email.text).toContain('Your password has not been changed.');
  });

  it('still renders an email queued before codes existed, with the link only', () => {
    const email = composer.compose('confirmation', { token: 'x'.repeat(43), expiresAt: '2026-06-01T10:00:00Z' });
    expect(email.text).toContain('/confirm?token=');
    expect(email.text).not.toContain('/confirm/code');
  });
});
