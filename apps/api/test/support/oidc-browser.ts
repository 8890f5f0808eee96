import { TEST_APP_URL } from './test-app';

/**
 * A person's browser on the sign-in flow: its cookies, carried by hand, and requests that do not follow redirects
 * by themselves. URLs are the issuer's (TEST_APP_URL); `toApp` sends them to the app's listener, as a proxy does.
 */
export class OidcBrowser {
  private readonly cookies = new Map<string, string>();
  /** Every Set-Cookie line received, in order, attributes included. */
  readonly setCookies: string[] = [];

  constructor(
    private readonly toApp: (url: string) => string,
    private readonly headers: Record<string, string> = {},
  ) {}

  async request(url: string, init: { method?: string; form?: Record<string, string> } = {}) {
    const response = await fetch(this.toApp(url), {
      method: init.method ?? (init.form ? 'POST' : 'GET'),
      redirect: 'manual',
      headers: {
        ...this.headers,
        cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
    });
    for (const line of response.headers.getSetCookie()) {
      this.setCookies.push(line);
      const [pair, ...attributes] = line.split(';');
      const [name, value] = [pair.slice(0, pair.indexOf('=')).trim(), pair.slice(pair.indexOf('=') + 1)];
      const expired = attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const location = response.headers.get('location');
    return {
      status: response.status,
      headers: response.headers,
      html: await response.text(),
      location: location ? new URL(location, TEST_APP_URL).href : undefined,
    };
  }

  /** Follows redirects within Gatehouse; stops at a page, or at a redirect to the product. */
  async follow(url: string, init: { form?: Record<string, string> } = {}) {
    let page = await this.request(url, init);
    for (let hop = 0; page.location?.startsWith(TEST_APP_URL) && hop < 10; hop += 1) {
      page = await this.request(page.location);
    }
    return page;
  }

  cookieNames(): string[] {
    return [...this.cookies.keys()];
  }
}

/** The sign-in page's form address, as the issuer names it. */
export function formAction(html: string): string {
  const match = /<form method="post" action="([^"]+)"/.exec(html);
  if (!match) throw new Error(`No form in: ${html}`);
  return new URL(match[1], TEST_APP_URL).href;
}
