import { postJson, type TestApp, useTestApp } from './support/test-app';

describe('HTTP hardening', () => {
  describe('by default', () => {
    const running = useTestApp();
    let gatehouse: TestApp;
    beforeAll(() => ({ gatehouse } = running));

    it('sends a strict Content-Security-Policy and the usual security headers on the pages', async () => {
      for (const path of ['/', '/resend', '/confirm/code', '/confirm?token=x']) {
        const response = await fetch(`${gatehouse.baseUrl}${path}`);
        const policy = response.headers.get('content-security-policy') ?? '';
        expect(policy).toContain("script-src 'self'");
        expect(policy).toContain("style-src 'self'");
        expect(policy).toContain("frame-ancestors 'none'");
        expect(policy).toContain("form-action 'self'");
        expect(policy).not.toContain('unsafe-inline');
        expect(policy).toContain('upgrade-insecure-requests'); // APP_URL is https in the tests
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect(response.headers.get('strict-transport-security')).toContain('max-age=');
        const html = await response.text();
        // No inline script and no inline event handler anywhere, so the policy costs the pages nothing.
        expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
        expect(html).not.toMatch(/\son[a-z]+=/i);
        expect(html).not.toMatch(/\sstyle=/i);
      }
    });

    it('keeps CORS closed: no browser on another origin may read the API', async () => {
      const preflight = await fetch(`${gatehouse.baseUrl}/api/registrations`, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://evil.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
      const post = await postJson(
        gatehouse.baseUrl,
        '/api/registrations',
        { email: 'cors@example.com', password: 'long enough' },
        { origin: 'https://evil.example' },
      );
      expect(post.headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  describe('with CORS_ORIGINS', () => {
    const running = useTestApp({ CORS_ORIGINS: 'https://app.example.com' });
    let gatehouse: TestApp;
    beforeAll(() => ({ gatehouse } = running));

    it('lets exactly the configured origin call the API', async () => {
      const allowed = await fetch(`${gatehouse.baseUrl}/api/registrations`, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://app.example.com',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
      expect(allowed.status).toBeLessThan(300);
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
      const other = await fetch(`${gatehouse.baseUrl}/api/registrations`, {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    });
  });
});
