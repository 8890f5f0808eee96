import { MIGRATIONS } from '@gatehouse/infrastructure/persistence/data-source';
import { createTestDatabase } from '@gatehouse/infrastructure/testing/test-database';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { SETTINGS } from '../src/config/app-config';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '@gatehouse/infrastructure/local/free-port';
import { waitUntil } from '@gatehouse/infrastructure/testing/smtp-sink';

const ROOT = path.resolve(__dirname, '../../..');

/** `npm start` as a newcomer runs it: the built server with no DATABASE_URL, SMTP_URL or APP_SECRET. */
class StartedServer {
  output = '';
  private readonly closed: Promise<number | null>;
  private constructor(private readonly child: ChildProcess) {
    this.closed = new Promise((resolve) => child.once('close', (code) => resolve(code)));
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
  }

  static start(env: Record<string, string>): StartedServer {
    const clean = Object.fromEntries(
      Object.entries(process.env).filter(
        ([name]) => !['DATABASE_URL', 'SMTP_URL', 'APP_SECRET', 'APP_URL', 'NODE_ENV'].includes(name),
      ),
    );
    const child = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
      cwd: ROOT,
      env: { ...clean, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new StartedServer(child);
  }

  /** Waits for the process to end by itself. */
  exited(): Promise<number | null> {
    // 'close' comes after the last output, so everything the process printed is in `output` by then.
    return this.closed;
  }

  async stop(): Promise<number | null> {
    if (this.child.exitCode !== null) return this.child.exitCode;
    const exited = new Promise<number | null>((resolve) => this.child.once('exit', (code) => resolve(code)));
    this.child.kill('SIGTERM');
    return exited;
  }
}

describe('Zero-config start: embedded PostgreSQL and the development inbox', () => {
  let dataDir: string;
  let env: Record<string, string>;
  let baseUrl: string;

  beforeAll(async () => {
    const parent = await mkdtemp(path.join(tmpdir(), 'gatehouse-start-'));
    await chmod(parent, 0o755);
    dataDir = path.join(parent, 'data');
    const port = await freePort();
    baseUrl = `http://localhost:${port}`;
    env = {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      EMBEDDED_POSTGRES_PORT: String(await freePort()),
      DEV_INBOX_SMTP_PORT: String(await freePort()),
      OUTBOX_POLL_INTERVAL: '100ms',
      // The restart check signs up again at once; the per-address cooldown would hold that email back.
      EMAIL_COOLDOWN: '0s',
    };
  });

  afterAll(async () => {
    await rm(path.dirname(dataDir), { recursive: true, force: true });
  });

  it('starts with nothing configured, prints its URLs, delivers to the inbox, and keeps data across restarts', async () => {
    const first = StartedServer.start(env);
    try {
      await waitUntil(
        () => (first.output.includes('Gatehouse is running') ? true : undefined),
        60_000,
        () => `start-up; output so far:\n${first.output}`,
      );
      expect(first.output).toContain(`Registration page   ${baseUrl}/`);
      expect(first.output).toContain(`Development inbox   ${baseUrl}/dev/inbox`);
      expect(first.output).toContain(`Health              ${baseUrl}/health/ready`);
      expect(first.output).toContain(`Dashboard           ${baseUrl}/admin`);
      expect((await fetch(`${baseUrl}/health/ready`)).status).toBe(200);
      // No staff yet and no ADMIN_EMAIL: a one-time link to create the first admin.
      const setupLink = new RegExp(`First admin setup   (${baseUrl}/admin/setup\\?token=[A-Za-z0-9_-]{43})`).exec(
        first.output,
      )?.[1];
      expect(setupLink).toBeDefined();
      // The link opens the dashboard (apps/admin, served from dist/admin), whose setup page reads the token.
      const setupPage = await fetch(setupLink!);
      expect(setupPage.status).toBe(200);
      const html = await setupPage.text();
      expect(html).toContain('<div id="root"></div>');
      expect(html).toMatch(/<script type="module" crossorigin src="\/admin\/assets\/index-[\w-]+\.js"><\/script>/);

      const signUp = await fetch(`${baseUrl}/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ email: 'newcomer@example.com', password: 'my first password' }).toString(),
      });
      const page = await signUp.text();
      expect(page).toContain('Check your email');
      expect(page).toContain('/dev/inbox');

      const messageId = await waitUntil(
        async () =>
          /href="\/dev\/inbox\/([0-9a-f-]{36})"/.exec(await (await fetch(`${baseUrl}/dev/inbox`)).text())?.[1],
        15_000,
        () => 'the confirmation email in the development inbox',
      );
      const message = await (await fetch(`${baseUrl}/dev/inbox/${messageId}`)).text();
      expect(message).toContain('Confirm your email address for Gatehouse');
      const token = /confirm\?token(?:=|&#x3D;)([A-Za-z0-9_-]{43})/.exec(message)?.[1];
      expect(token).toBeDefined();

      const confirmed = await fetch(`${baseUrl}/confirm`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token: token! }).toString(),
      });
      expect(await confirmed.text()).toContain('Your email is confirmed');
    } finally {
      expect(await first.stop()).toBe(0);
    }

    // Same data directory: the account, the secret and the inbox are all still there.
    const second = StartedServer.start({
      ...env,
      ADMIN_EMAIL: 'owner@example.com',
      ADMIN_PASSWORD: 'gatekeeper password 1',
    });
    try {
      await waitUntil(
        () => (second.output.includes('Gatehouse is running') ? true : undefined),
        60_000,
        () => `restart; output so far:\n${second.output}`,
      );
      const inbox = await (await fetch(`${baseUrl}/dev/inbox`)).text();
      expect(inbox).toContain('newcomer@example.com');
      expect(second.output).toContain('First admin         owner@example.com (from ADMIN_EMAIL), created now');
      const signIn = await fetch(`${baseUrl}/api/admin/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'owner@example.com', password: 'gatekeeper password 1' }),
      });
      expect(signIn.status).toBe(200);
      // `npm run staff` beside a running `npm start` uses its embedded PostgreSQL rather than starting another.
      const created = execFileSync(
        process.execPath,
        ['dist/apps/api/src/staff.js', 'create', '--email', 'helper@example.com', '--role', 'support'],
        {
          cwd: ROOT,
          env: { PATH: process.env.PATH, ...env },
          input: 'assistant password 1\n',
          encoding: 'utf8',
        },
      );
      expect(created).toContain('Created support helper@example.com');
      const again = await fetch(`${baseUrl}/api/registrations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'newcomer@example.com', password: 'my first password' }),
      });
      expect(again.status).toBe(202);
      const notice = await waitUntil(
        async () => {
          const html = await (await fetch(`${baseUrl}/dev/inbox`)).text();
          return html.includes('Your Gatehouse account already exists') ? true : undefined;
        },
        15_000,
        () => 'the "already have an account" notice, which proves the account survived the restart',
      );
      expect(notice).toBe(true);
    } finally {
      expect(await second.stop()).toBe(0);
    }
  });

  it('lists every setting with its default for npm start -- --help, and exits', () => {
    const help = execFileSync(process.execPath, ['dist/apps/api/src/main.js', '--help'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    for (const setting of SETTINGS) expect(help).toContain(setting.variable);
    expect(help).toMatch(/CONFIRMATION_TOKEN_TTL\s+24h/);
  });

  it('migrates a database with npm run migrate, once', async () => {
    const database = await createTestDatabase();
    try {
      const run = () =>
        execFileSync(process.execPath, ['dist/apps/api/src/migrate.js'], {
          cwd: ROOT,
          encoding: 'utf8',
          env: { ...process.env, DATABASE_URL: database.url, NODE_ENV: 'test' },
        });
      expect(run()).toContain(`Applied ${MIGRATIONS.length} migration(s)`);
      expect(run()).toContain('The database is up to date.');
    } finally {
      await database.drop();
    }
  });

  it('refuses to start on a bad setting, naming the variable', async () => {
    const bad = StartedServer.start({ ...env, PORT: 'eighty', CONFIRMATION_TOKEN_TTL: 'forever' });
    expect(await bad.exited()).toBe(1);
    expect(bad.output).toContain('PORT must be a whole number from 0 to 65535 (got "eighty").');
    expect(bad.output).toContain(
      'CONFIRMATION_TOKEN_TTL must be a duration such as 250ms, 30s, 5m, 24h or 7d (got "forever").',
    );
  });
});
