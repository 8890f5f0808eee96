import { SmtpSink } from '@gatehouse/infrastructure/testing/smtp-sink';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { HIGH_LIMITS } from './support/high-limits';
import { addStaff, STAFF_PASSWORD } from './support/staff-client';
import { postJson, startTestApp, type TestApp } from './support/test-app';

/**
 * The dashboard in a real browser (the system Chromium, driven by playwright-core) against the real API, a real
 * PostgreSQL and a real SMTP server. Every page must run under the API's Content-Security-Policy: a CSP
 * violation or any console error fails the test, except the HTTP answers a test expects (such as the 401 that
 * says nobody is signed in yet). A screenshot of every main page at desktop and phone width goes to
 * test-results/admin-dashboard/.
 */

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = path.resolve(__dirname, '../../../test-results/admin-dashboard');
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 812 };
const WAIT = { timeout: 15_000 };

/** An HTTP error status the page is expected to meet (Chromium logs each as a console error). */
interface ExpectedHttpError {
  status: number;
  path: RegExp;
}
const NOBODY_SIGNED_IN: ExpectedHttpError = { status: 401, path: /\/api\/admin\/session$/ };

/**
 * The browser's way in: a plain forwarder started before the app, so APP_URL (and with it the only Origin the
 * API accepts for state-changing requests, and the session cookie's scheme) is the address the browser uses.
 */
async function startFront() {
  let target: URL | undefined;
  const server = http.createServer((request, response) => {
    if (!target) return void response.writeHead(503).end();
    const upstream = http.request(
      { host: target.hostname, port: target.port, method: request.method, path: request.url, headers: request.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => response.destroy());
    request.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    forwardTo(url: string) {
      target = new URL(url);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let smtp: SmtpSink;
let front: Awaited<ReturnType<typeof startFront>>;
let gatehouse: TestApp;
let browser: Browser;
const contexts: BrowserContext[] = [];
const problems: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    // Never a skip, in CI least of all: a missing browser must not pass for a working dashboard.
    throw new Error(
      `The dashboard's browser tests need Chromium at ${CHROMIUM}: install it with \`apt-get install -y chromium\`` +
        (process.env.CI === 'true' ? ' (.ci/run does this before the tests).' : '.'),
    );
  }
  await mkdir(SHOTS, { recursive: true });
  smtp = await SmtpSink.start();
  front = await startFront();
  gatehouse = await startTestApp(smtp, { ...HIGH_LIMITS, APP_URL: front.url });
  front.forwardTo(gatehouse.baseUrl);
  await addStaff(gatehouse, 'admin@example.com', 'admin');
  await addStaff(gatehouse, 'support@example.com', 'support');
  for (const address of [
    'pending-alice@example.com',
    'pending-bob@example.com',
    'pending-dora@example.com',
    'carol@example.com',
  ]) {
    const response = await postJson(gatehouse.baseUrl, '/api/registrations', {
      email: address,
      password: 'long enough password',
    });
    expect(response.status).toBe(202);
    await smtp.waitFor(address);
  }
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
});

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
  const found = problems.splice(0);
  expect(found).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await gatehouse?.close();
  await front?.close();
  await smtp?.down();
});

/** A fresh browser (no cookies) at a width, watching for CSP violations, page errors and console errors. */
async function openPage(viewport = DESKTOP, expected: ExpectedHttpError[] = [NOBODY_SIGNED_IN]): Promise<Page> {
  const context = await browser.newContext({ viewport, baseURL: front.url });
  contexts.push(context);
  // Chromium reports a CSP violation as a console error too; this names the directive as well.
  await context.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (event) =>
      console.error('CSP violation: ' + event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline code')));`,
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const httpStatus = /status of (\d{3})/.exec(message.text())?.[1];
    const url = message.location().url;
    const allowed = expected.some(
      (e) => httpStatus === String(e.status) && e.path.test(new URL(url, front.url).pathname),
    );
    if (!allowed) problems.push(`console error: ${message.text()} (${url})`);
  });
  return page;
}

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/admin/');
  await page.waitForURL(/\/admin\/sign-in/, WAIT);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(STAFF_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor(WAIT);
}

async function screenshot(page: Page, name: string): Promise<void> {
  // Let charts and toasts settle so the picture shows the page, not its transition.
  await page.waitForTimeout(300);
  const width = page.viewportSize()?.width === PHONE.width ? 'phone' : 'desktop';
  await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true });
}

async function userId(address: string): Promise<string> {
  const { rows } = await gatehouse.db.query('SELECT id FROM users WHERE email_normalized = lower($1)', [address]);
  return rows[0].id as string;
}

/** Makes the emails to this person look older, so the per-address cooldown has passed. */
async function ageEmails(address: string, seconds: number): Promise<void> {
  await gatehouse.db.query(
    `UPDATE email_outbox SET created_at = created_at - make_interval(secs => $2) WHERE user_id = $1`,
    [await userId(address), seconds],
  );
}

describe('the dashboard in a browser', () => {
  it('lets a support member sign in, find a pending person and resend their confirmation email', async () => {
    const page = await openPage(DESKTOP, [
      NOBODY_SIGNED_IN,
      { status: 429, path: /\/api\/admin\/users\/[^/]+\/resend-confirmation$/ },
    ]);
    await signIn(page, 'support@example.com');
    await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Users' }).click();
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor(WAIT);

    await page.getByLabel('Search by address').fill('alice');
    await page.waitForURL(/[?&]q=alice/, WAIT);
    const alice = page.getByRole('link', { name: 'pending-alice@example.com' });
    await alice.waitFor(WAIT);
    await page.getByText('1 user matches').waitFor(WAIT);
    expect(await page.getByRole('link', { name: 'pending-bob@example.com' }).count()).toBe(0);

    await alice.click();
    await page.getByRole('heading', { name: 'pending-alice@example.com', level: 1 }).waitFor(WAIT);
    await ageEmails('pending-alice@example.com', 120);
    await page.getByRole('button', { name: 'Resend confirmation' }).click();
    const dialog = page.getByRole('dialog', { name: 'Resend the confirmation email' });
    await dialog.getByLabel('Reason').fill('ticket 17: the first email never arrived');
    await dialog.getByRole('button', { name: 'Send' }).click();
    await page.getByText('Confirmation email queued for pending-alice@example.com.').waitFor(WAIT);
    const emails = await smtp.waitFor('pending-alice@example.com', 2);
    expect(emails.at(-1)?.subject).toMatch(/Confirm/);
    await page.getByText('Confirmation email resent by staff').waitFor(WAIT);
    await page.getByText('reason: ticket 17: the first email never arrived').waitFor(WAIT);

    // At once again: the per-address cooldown holds it back, and the dialog says until when.
    await page.getByRole('button', { name: 'Resend confirmation' }).click();
    await dialog.getByLabel('Reason').fill('ticket 17, again');
    await dialog.getByRole('button', { name: 'Send' }).click();
    await dialog
      .getByRole('alert')
      .filter({ hasText: /Next send allowed at/ })
      .waitFor(WAIT);
    await screenshot(page, 'user-detail-resend-too-soon');
  });

  it('lets an admin disable a person by keyboard alone, and the audit log shows who, what and why', async () => {
    const page = await openPage();
    await signIn(page, 'admin@example.com');
    await page.goto('/admin/users?q=carol');
    await page.getByRole('link', { name: 'carol@example.com' }).click();
    await page.getByRole('heading', { name: 'carol@example.com', level: 1 }).waitFor(WAIT);

    await page.getByRole('button', { name: 'Disable' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Disable this account' });
    await dialog.waitFor(WAIT);
    // Focus moves into the dialog, to the reason.
    expect(
      await page.evaluate(
        "document.activeElement.tagName + ' in ' + document.activeElement.closest('[role=dialog]')?.id",
      ),
    ).toMatch(/^TEXTAREA in \S+/);
    await page.keyboard.type('spam sign-ups from one IP');
    await page.keyboard.press('Tab'); // Cancel
    await page.keyboard.press('Tab'); // Disable
    await page.keyboard.press('Enter');
    await page.getByText('carol@example.com is disabled.').waitFor(WAIT);
    await dialog.waitFor({ state: 'detached', ...WAIT });
    await page.getByRole('button', { name: 'Enable' }).waitFor(WAIT);
    const { rows } = await gatehouse.db.query('SELECT status FROM users WHERE id = $1', [
      await userId('carol@example.com'),
    ]);
    expect(rows[0].status).toBe('disabled');

    await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor(WAIT);
    const entry = page.getByRole('row').filter({ hasText: 'user.disable' });
    await entry.waitFor(WAIT);
    expect(await entry.innerText()).toMatch(/admin@example\.com[\s\S]*user\.disable[\s\S]*spam sign-ups from one IP/);
    await page.getByLabel('Action').selectOption('user.disable');
    await page.waitForURL(/action=user\.disable/, WAIT);
    await page
      .getByRole('row')
      .filter({ hasText: 'staff.sign_in' })
      .first()
      .waitFor({ state: 'detached', ...WAIT });
    expect(await page.getByRole('row').filter({ hasText: 'user.disable' }).count()).toBe(1);
  });

  it('tells a locked-out member when the lockout ends, and lets an admin lift it from the Staff page', async () => {
    await addStaff(gatehouse, 'locked-helper@example.com', 'support');
    for (let i = 0; i < 5; i += 1) {
      await postJson(gatehouse.baseUrl, '/api/admin/session', {
        email: 'locked-helper@example.com',
        password: `someone guessing ${i}`,
      });
    }
    const locked = await openPage(DESKTOP, [NOBODY_SIGNED_IN, { status: 429, path: /\/api\/admin\/session$/ }]);
    await locked.goto('/admin/');
    await locked.waitForURL(/\/admin\/sign-in/, WAIT);
    await locked.getByLabel('Email address').fill('locked-helper@example.com');
    await locked.getByLabel('Password').fill(STAFF_PASSWORD);
    await locked.getByRole('button', { name: 'Sign in' }).click();
    await locked
      .getByRole('alert')
      .filter({ hasText: /Too many failed sign-ins.*Try again after/ })
      .waitFor(WAIT);

    const page = await openPage();
    await signIn(page, 'admin@example.com');
    await page.goto('/admin/staff');
    const row = page.getByRole('row').filter({ hasText: 'locked-helper@example.com' });
    await row.getByText(/locked until/).waitFor(WAIT);
    await row.getByRole('button', { name: 'Lift lockout' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Reason').fill('they called the help desk');
    await dialog.getByRole('button', { name: 'Lift lockout' }).click();
    await page.getByText('locked-helper@example.com can sign in again.').waitFor(WAIT);
    await row.getByText(/locked until/).waitFor({ state: 'detached', ...WAIT });

    await locked.getByRole('button', { name: 'Sign in' }).click();
    await locked.getByRole('heading', { name: 'Overview', level: 1 }).waitFor(WAIT);
  });

  it('shows a support member no admin-only action anywhere', async () => {
    const page = await openPage();
    await signIn(page, 'support@example.com');
    const nav = page.getByRole('navigation', { name: 'Dashboard' });
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(['Overview', 'Users']);

    await page.goto('/admin/users?status=pending');
    await page.getByRole('link', { name: 'pending-bob@example.com' }).waitFor(WAIT);
    for (const action of ['Resend to pending…', 'Export CSV…']) {
      expect(await page.getByRole('button', { name: action }).count()).toBe(0);
    }

    await page.getByRole('link', { name: 'pending-bob@example.com' }).click();
    await page.getByRole('heading', { name: 'pending-bob@example.com', level: 1 }).waitFor(WAIT);
    const actions = page.getByRole('group', { name: 'Actions' });
    expect(await actions.getByRole('button').allInnerTexts()).toEqual(['Resend confirmation']);

    for (const adminPage of ['/admin/audit', '/admin/staff']) {
      await page.goto(adminPage);
      await page.getByRole('heading', { name: 'Not for your role', level: 1 }).waitFor(WAIT);
    }
  });

  it('shows the right count in a bulk resend dry run, and sends nothing', async () => {
    const page = await openPage();
    await signIn(page, 'admin@example.com');
    const sentBefore = smtp.received.length;
    const pendingCount = async (pattern: string) => {
      const { rows } = await gatehouse.db.query(
        `SELECT count(*)::int AS n FROM users WHERE status = 'pending' AND email_normalized LIKE $1`,
        [pattern],
      );
      return rows[0].n as number;
    };

    await page.goto('/admin/users?status=pending');
    await page.getByRole('button', { name: 'Resend to pending…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Resend the confirmation email' });
    const everyone = await pendingCount('%');
    expect(everyone).toBeGreaterThanOrEqual(3);
    await dialog.getByText(`Dry run: this reaches ${everyone} pending people.`).waitFor(WAIT);
    await screenshot(page, 'bulk-resend-dry-run');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await page.getByLabel('Search by address').fill('pending-');
    await page.waitForURL(/[?&]q=pending-/, WAIT);
    await page.getByRole('button', { name: 'Resend to pending…' }).click();
    await dialog.getByText(`Dry run: this reaches ${await pendingCount('pending-%')} pending people.`).waitFor(WAIT);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(smtp.received.length).toBe(sentBefore);
  });

  it('exports the current filter as a CSV file, and the audit log records the export', async () => {
    const page = await openPage();
    await signIn(page, 'admin@example.com');
    await page.goto('/admin/users?q=pending-&status=pending');
    await page.getByText('3 users match').waitFor(WAIT);
    await page.getByRole('button', { name: 'Export CSV…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export these users as CSV' });
    await dialog.getByLabel('Reason').fill('quarterly review of stuck sign-ups');
    const download = page.waitForEvent('download', WAIT);
    await dialog.getByRole('button', { name: 'Export' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^gatehouse-users-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await file.path())!, 'utf8');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines).toHaveLength(4);
    expect(
      lines
        .slice(1)
        .map((line) => /pending-\w+@example\.com/.exec(line)?.[0])
        .sort(),
    ).toEqual(['pending-alice@example.com', 'pending-bob@example.com', 'pending-dora@example.com']);
    await page.getByText(/^Exported to gatehouse-users-.*\.csv\.$/).waitFor(WAIT);
    const { rows } = await gatehouse.db.query(`SELECT reason FROM audit_log WHERE action = 'users.export'`);
    expect(rows).toEqual([{ reason: 'quarterly review of stuck sign-ups' }]);
  });

  it('renders every main page at desktop and phone width without a horizontal scrollbar', async () => {
    const carol = await userId('carol@example.com');
    for (const viewport of [DESKTOP, PHONE]) {
      const page = await openPage(viewport);
      await page.goto('/admin/setup?token=not-a-real-token');
      await page.getByRole('heading', { name: 'Create the first admin' }).waitFor(WAIT);
      await screenshot(page, 'setup');
      await page.goto('/admin/sign-in');
      await page.getByRole('button', { name: 'Sign in' }).waitFor(WAIT);
      await screenshot(page, 'sign-in');
      await signIn(page, 'admin@example.com');
      const pages: Array<[string, string, string]> = [
        ['overview', '/admin/?from=2020-01-01&to=2020-12-31', 'Overview'],
        ['overview', '/admin/', 'Overview'],
        ['users', '/admin/users', 'Users'],
        ['user-detail', `/admin/users/${carol}`, 'carol@example.com'],
        ['audit-log', '/admin/audit', 'Audit log'],
        ['staff', '/admin/staff', 'Staff'],
      ];
      for (const [name, url, heading] of pages) {
        await page.goto(url);
        await page.getByRole('heading', { name: heading, level: 1 }).waitFor(WAIT);
        await page
          .getByRole('status')
          .filter({ hasText: /Loading|Counting/ })
          .waitFor({ state: 'detached', ...WAIT });
        if (name === 'overview' && url.includes('2020')) {
          await page.getByText('Nobody signed up or confirmed in this range.').waitFor(WAIT);
          continue;
        }
        await screenshot(page, name);
        const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
        expect({ page: name, width: viewport.width, overflow }).toEqual({
          page: name,
          width: viewport.width,
          overflow: 0,
        });
      }
    }
  });
});
