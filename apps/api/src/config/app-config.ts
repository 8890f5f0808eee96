import type { Setting, SettingValues } from './setting';
import {
  SERVER_SETTINGS,
  DATABASE_SETTINGS,
  MAIL_SETTINGS,
  SECURITY_SETTINGS,
  STAFF_SETTINGS,
  WEBHOOKS_SETTINGS,
  SIGN_UP_SETTINGS,
  ABUSE_SETTINGS,
  HASHING_SETTINGS,
  OUTBOX_SETTINGS,
  DELIVERABILITY_SETTINGS,
  OIDC_SETTINGS,
  LOCAL_SETTINGS,
} from './settings';

/** The areas in the order `--help` lists them. */
const AREAS = [
  SERVER_SETTINGS,
  DATABASE_SETTINGS,
  MAIL_SETTINGS,
  SECURITY_SETTINGS,
  STAFF_SETTINGS,
  WEBHOOKS_SETTINGS,
  SIGN_UP_SETTINGS,
  ABUSE_SETTINGS,
  HASHING_SETTINGS,
  OUTBOX_SETTINGS,
  OIDC_SETTINGS,
  DELIVERABILITY_SETTINGS,
  LOCAL_SETTINGS,
] as const;

/** The values of every area's settings, one intersection: each key typed by its own parser. */
type ValuesOf<Areas extends readonly unknown[]> = Areas extends readonly [infer Area, ...infer Rest]
  ? SettingValues<Area> & ValuesOf<Rest>
  : unknown;
export type AppConfigValues = ValuesOf<typeof AREAS>;

/**
 * Gatehouse's settings, read once from the environment at start and injected wherever they are needed: the
 * values of every area's settings (settings.ts), typed by their parsers. The class is the injection token.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- a token whose shape is the settings'
export abstract class AppConfig {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface AppConfig extends AppConfigValues {}

export type AppConfigKey = keyof AppConfigValues;

/** Every setting with the key it fills, for loading, `--help` and the README's table. */
export const SETTINGS: ReadonlyArray<Setting<unknown> & { key: AppConfigKey }> = AREAS.flatMap((area) =>
  Object.entries(area).map(([key, definition]) => ({ ...(definition as Setting<unknown>), key: key as AppConfigKey })),
);

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Gatehouse cannot start, the configuration has ${problems.length} problem(s):\n${problems.map((p) => `  ${p}`).join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

/** Reads and validates every setting; throws one ConfigError listing each bad value by its variable. */
export function loadConfig(env: NodeJS.ProcessEnv): AppConfig {
  const problems: string[] = [];
  const values: Record<string, unknown> = {};
  // Filled from SETTINGS, whose parsers give each key its type; only the assembly is untyped.
  const config = values as unknown as AppConfig;
  for (const setting of SETTINGS) {
    const given = env[setting.variable];
    const raw =
      given !== undefined && given !== ''
        ? given
        : typeof setting.fallback === 'function'
          ? setting.fallback(env)
          : setting.fallback;
    if (raw === undefined) {
      values[setting.key] = undefined;
      continue;
    }
    const parsed = setting.parse(raw);
    if ('problem' in parsed)
      problems.push(`${setting.variable} ${parsed.problem} (got "${redact(setting.variable, raw)}").`);
    else values[setting.key] = parsed.value;
  }
  if (config.webhookUrls?.length && !config.webhookSecret) {
    problems.push(
      'WEBHOOK_SECRET is required when WEBHOOK_URLS is set: receivers need the signature to trust an event.',
    );
  }
  if (Boolean(config.adminEmail) !== Boolean(config.adminPassword)) {
    problems.push('ADMIN_EMAIL and ADMIN_PASSWORD go together: set both, or neither for a setup link.');
  }
  if (config.nodeEnv === 'production') {
    for (const variable of ['DATABASE_URL', 'SMTP_URL', 'APP_SECRET']) {
      if (!env[variable]) problems.push(`${variable} is required when NODE_ENV=production.`);
    }
  }
  if (problems.length) throw new ConfigError(problems);
  return config;
}

/** Lists every setting with its default, for `npm start -- --help`. */
export function describeSettings(): string {
  return SETTINGS.map((setting) => {
    const fallback = typeof setting.fallback === 'function' ? setting.fallback({}) : (setting.fallback ?? '(unset)');
    return `${setting.variable.padEnd(24)} ${fallback.padEnd(40)} ${setting.description}`;
  }).join('\n');
}

function redact(variable: string, raw: string): string {
  if (
    [
      'APP_SECRET',
      'METRICS_TOKEN',
      'WEBHOOK_SECRET',
      'ADMIN_PASSWORD',
      'POSTMARK_WEBHOOK_PASSWORD',
      'MAILGUN_WEBHOOK_SIGNING_KEY',
    ].includes(variable)
  )
    return '***';
  if (variable.endsWith('_URL')) return raw.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
  return raw;
}
