import { TEST_SETTINGS } from './support/test-settings';
import { postJson, useTestApp } from './support/test-app';

const folded = useTestApp({ ...TEST_SETTINGS, EMAIL_FOLD_PLUS_TAGS: 'true', EMAIL_FOLD_DOTS_DOMAINS: 'gmail.com' });

async function users(): Promise<Array<{ email: string; email_normalized: string }>> {
  const { rows } = await folded.gatehouse.db.query('SELECT email, email_normalized FROM users ORDER BY created_at');
  return rows as Array<{ email: string; email_normalized: string }>;
}

describe('Address folding for the uniqueness check (EMAIL_FOLD_PLUS_TAGS, EMAIL_FOLD_DOTS_DOMAINS)', () => {
  it('treats +tags and, for the configured domains, dots as the same account, keeping the spelling typed first', async () => {
    const { baseUrl } = folded.gatehouse;
    for (const email of ['Alice+news@example.com', 'alice@example.com', 'alice+shop@example.com']) {
      expect((await postJson(baseUrl, '/api/registrations', { email, password: 'long enough password' })).status).toBe(
        202,
      );
    }
    for (const email of [
      'j.o.e@gmail.com',
      'joe@gmail.com',
      'jo.e+x@gmail.com',
      'j.o.e@example.org',
      'joe@example.org',
    ]) {
      await postJson(baseUrl, '/api/registrations', { email, password: 'long enough password' });
    }
    expect(await users()).toEqual([
      { email: 'Alice+news@example.com', email_normalized: 'alice@example.com' },
      { email: 'j.o.e@gmail.com', email_normalized: 'joe@gmail.com' },
      // Dots count only at the configured domains.
      { email: 'j.o.e@example.org', email_normalized: 'j.o.e@example.org' },
      { email: 'joe@example.org', email_normalized: 'joe@example.org' },
    ]);
    // The email goes to the address the account was created with, never to a spelling someone typed later.
    const sent = await folded.smtp.waitFor('Alice+news@example.com');
    expect(sent[0].to).toContain('Alice+news@example.com');
  });
});
