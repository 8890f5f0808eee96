import { parseDuration } from './durations';
import { parseRate, type Rate } from './rates';

/** Gatehouse's settings, read once from the environment at start and injected wherever they are needed. */
export class AppConfig {
  nodeEnv!: 'development' | 'production' | 'test';
  logLevel!: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  logFormat!: 'json' | 'pretty';
  host!: string;
  port!: number;
  corsOrigins!: string[];
  trustedProxies!: string[];
  appUrl!: string;
  databaseUrl!: string | undefined;
  databasePoolSize!: number;
  smtpUrl!: string | undefined;
  smtpPoolSize!: number;
  smtpRateLimit!: number;
  smtpTimeoutMs!: number;
  mailFrom!: string;
  productName!: string;
  supportEmail!: string | undefined;
  brandColor!: string;
  appSecret!: string | undefined;
  metricsToken!: string | undefined;
  adminEmail!: string | undefined;
  adminPassword!: string | undefined;
  staffSessionIdleTimeoutMs!: number;
  staffSessionLifetimeMs!: number;
  webhookUrls!: string[];
  webhookSecret!: string | undefined;
  webhookTimeoutMs!: number;
  confirmationTokenTtlMs!: number;
  emailCooldownMs!: number;
  emailLimitPerAddress!: Rate;
  emailLimitGlobal!: Rate;
  emailFoldPlusTags!: boolean;
  emailFoldDotsDomains!: string[];
  rateLimitSignup!: Rate;
  rateLimitResend!: Rate;
  rateLimitConfirm!: Rate;
  rateLimitStaffSignin!: Rate;
  signupMinResponseMs!: number;
  resendMinResponseMs!: number;
  confirmCodeMinResponseMs!: number;
  redisUrl!: string | undefined;
  redisKeyPrefix!: string;
  disposableDomainsFile!: string | undefined;
  allowedDisposableDomains!: string[];
  pendingAccountTtlMs!: number;
  purgeIntervalMs!: number;
  argon2MemoryKib!: number;
  argon2TimeCost!: number;
  argon2Parallelism!: number;
  outboxPollIntervalMs!: number;
  outboxBatchSize!: number;
  outboxLeaseMs!: number;
  outboxMaxAttempts!: number;
  outboxRetryBaseMs!: number;
  outboxRetryMaxMs!: number;
  outboxStuckAfterMs!: number;
  dataDir!: string;
  embeddedPostgresPort!: number;
  devInboxSmtpPort!: number;
}

type Parsed = { value: unknown } | { problem: string };

interface Setting {
  variable: string;
  key: keyof AppConfig;
  /** The default as a person would write it; undefined means "not set". */
  fallback: string | ((env: NodeJS.ProcessEnv) => string) | undefined;
  description: string;
  parse(raw: string): Parsed;
}

const integer =
  (min: number, max: number) =>
  (raw: string): Parsed => {
    const value = Number(raw);
    return /^\d+$/.test(raw.trim()) && value >= min && value <= max
      ? { value }
      : { problem: `must be a whole number from ${min} to ${max}` };
  };
const duration =
  (minMs: number) =>
  (raw: string): Parsed => {
    const value = parseDuration(raw);
    if (value === undefined) return { problem: 'must be a duration such as 250ms, 30s, 5m, 24h or 7d' };
    return value >= minMs ? { value } : { problem: `must be at least ${minMs} ms` };
  };
const url =
  (protocols: string[]) =>
  (raw: string): Parsed => {
    try {
      const parsed = new URL(raw);
      return protocols.includes(parsed.protocol)
        ? { value: raw }
        : { problem: `must start with ${protocols.map((p) => `${p}//`).join(' or ')}` };
    } catch {
      return { problem: 'must be a URL' };
    }
  };
/** "30/5m": a whole number of events per window; the window at least a second, the count at least one. */
const rate = (raw: string): Parsed => {
  const value = parseRate(raw);
  if (!value) return { problem: 'must be a count per duration such as 30/5m, 10/60s or 1000/1h' };
  if (value.limit < 1 || value.limit > 10_000_000) return { problem: 'must allow from 1 to 10000000 per window' };
  if (value.windowMs < 1000) return { problem: 'must have a window of at least 1s' };
  return { value };
};
const flag = (raw: string): Parsed =>
  ['true', 'false'].includes(raw.trim().toLowerCase())
    ? { value: raw.trim().toLowerCase() === 'true' }
    : { problem: 'must be true or false' };
const text = (raw: string): Parsed => (raw.trim() ? { value: raw.trim() } : { problem: 'must not be empty' });
/** A comma-separated list whose every item passes `valid`; an empty list is allowed. */
const list =
  (valid: (item: string) => boolean, what: string) =>
  (raw: string): Parsed => {
    const items = raw
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
    const bad = items.find((item) => !valid(item));
    return bad === undefined ? { value: items } : { problem: `must list ${what}, "${bad}" is not one` };
  };

export const SETTINGS: readonly Setting[] = [
  {
    variable: 'NODE_ENV',
    key: 'nodeEnv',
    fallback: 'development',
    description:
      'development, production or test. Production refuses to start without DATABASE_URL, SMTP_URL and APP_SECRET.',
    parse: (raw) =>
      ['development', 'production', 'test'].includes(raw)
        ? { value: raw }
        : { problem: 'must be development, production or test' },
  },
  {
    variable: 'LOG_LEVEL',
    key: 'logLevel',
    fallback: 'info',
    description: 'fatal, error, warn, info, debug, trace or silent.',
    parse: (raw) =>
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(raw)
        ? { value: raw }
        : { problem: 'must be fatal, error, warn, info, debug, trace or silent' },
  },
  {
    variable: 'LOG_FORMAT',
    key: 'logFormat',
    fallback: (env) => (env.NODE_ENV === 'production' ? 'json' : 'pretty'),
    description: 'json (one object per line) or pretty (readable). Default: json in production, pretty otherwise.',
    parse: (raw) => (['json', 'pretty'].includes(raw) ? { value: raw } : { problem: 'must be json or pretty' }),
  },
  {
    variable: 'HOST',
    key: 'host',
    fallback: '0.0.0.0',
    description: 'Address the HTTP server listens on.',
    parse: text,
  },
  {
    variable: 'PORT',
    key: 'port',
    fallback: '3000',
    description: 'Port the HTTP server listens on.',
    parse: integer(0, 65535),
  },
  {
    variable: 'CORS_ORIGINS',
    key: 'corsOrigins',
    fallback: '',
    description: 'Comma-separated origins (https://app.example.com) whose browsers may call the JSON API. Unset: none.',
    parse: list((item) => /^https?:\/\/[^/\s]+$/.test(item), 'origins like https://app.example.com'),
  },
  {
    variable: 'TRUSTED_PROXIES',
    key: 'trustedProxies',
    fallback: '',
    description: 'Comma-separated addresses or CIDR ranges of proxies whose X-Forwarded-For is believed. Unset: none.',
    parse: list((item) => /^[0-9a-f:.]+(\/\d{1,3})?$/i.test(item), 'IP addresses or CIDR ranges'),
  },
  {
    variable: 'APP_URL',
    key: 'appUrl',
    fallback: (env) => `http://localhost:${env.PORT ?? '3000'}`,
    description:
      'Public base URL of Gatehouse; every link in an email starts with it (never taken from the Host header).',
    parse: (raw) => {
      const result = url(['http:', 'https:'])(raw);
      return 'value' in result ? { value: String(result.value).replace(/\/+$/, '') } : result;
    },
  },
  {
    variable: 'DATABASE_URL',
    key: 'databaseUrl',
    fallback: undefined,
    description: 'PostgreSQL connection URL. Unset: an embedded PostgreSQL with its data under DATA_DIR.',
    parse: url(['postgres:', 'postgresql:']),
  },
  {
    variable: 'DATABASE_POOL_SIZE',
    key: 'databasePoolSize',
    fallback: '10',
    description: 'Connections in the database pool.',
    parse: integer(1, 500),
  },
  {
    variable: 'SMTP_URL',
    key: 'smtpUrl',
    fallback: undefined,
    description: 'SMTP server, smtp://user:pass@host:port (smtps:// for implicit TLS). Unset: the development inbox.',
    parse: url(['smtp:', 'smtps:']),
  },
  {
    variable: 'SMTP_POOL_SIZE',
    key: 'smtpPoolSize',
    fallback: '5',
    description: 'Pooled SMTP connections.',
    parse: integer(1, 100),
  },
  {
    variable: 'SMTP_RATE_LIMIT',
    key: 'smtpRateLimit',
    fallback: '0',
    description: 'Most emails per second one process sends (for providers with a sending rate); 0: no limit.',
    parse: integer(0, 100_000),
  },
  {
    variable: 'SMTP_TIMEOUT',
    key: 'smtpTimeoutMs',
    fallback: '10s',
    description: 'How long to wait for the SMTP server to connect, greet and answer.',
    parse: duration(100),
  },
  {
    variable: 'MAIL_FROM',
    key: 'mailFrom',
    fallback: 'Gatehouse <no-reply@gatehouse.localhost>',
    description: 'Sender of every email, "Name <address>" or an address.',
    parse: (raw) =>
      /@[^@\s>]+\.[^@\s>]+>?\s*$/.test(raw.trim())
        ? { value: raw.trim() }
        : { problem: 'must be an email address, optionally as "Name <address>"' },
  },
  {
    variable: 'PRODUCT_NAME',
    key: 'productName',
    fallback: 'Gatehouse',
    description: 'Name shown on the pages and in emails.',
    parse: text,
  },
  {
    variable: 'SUPPORT_EMAIL',
    key: 'supportEmail',
    fallback: undefined,
    description: 'Address shown at the foot of every email for questions. Unset: no footer.',
    parse: (raw) =>
      /^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$/.test(raw.trim())
        ? { value: raw.trim() }
        : { problem: 'must be an email address' },
  },
  {
    variable: 'BRAND_COLOR',
    key: 'brandColor',
    fallback: '#1d4ed8',
    description: 'Colour of buttons and links in emails, as #rrggbb.',
    parse: (raw) =>
      /^#[0-9a-f]{6}$/i.test(raw.trim()) ? { value: raw.trim() } : { problem: 'must be a colour like #1d4ed8' },
  },
  {
    variable: 'APP_SECRET',
    key: 'appSecret',
    fallback: undefined,
    description:
      'Server secret (at least 32 characters) keying token digests and outbox encryption. Unset outside production: generated into DATA_DIR/app-secret.',
    parse: (raw) => (raw.length >= 32 ? { value: raw } : { problem: 'must be at least 32 characters long' }),
  },
  {
    variable: 'METRICS_TOKEN',
    key: 'metricsToken',
    fallback: undefined,
    description: 'When set, GET /metrics requires Authorization: Bearer <token>. Unset: /metrics is open.',
    parse: (raw) => (raw.length >= 16 ? { value: raw } : { problem: 'must be at least 16 characters long' }),
  },
  {
    variable: 'ADMIN_EMAIL',
    key: 'adminEmail',
    fallback: undefined,
    description:
      'With ADMIN_PASSWORD: the first admin, created at start when there is no staff yet. Unset: a one-time setup link is printed instead.',
    parse: (raw) =>
      /^[^@\s]+@[^@\s]+$/.test(raw.trim()) ? { value: raw.trim() } : { problem: 'must be an email address' },
  },
  {
    variable: 'ADMIN_PASSWORD',
    key: 'adminPassword',
    fallback: undefined,
    description: "The first admin's password (8 to 256 characters), used only while there is no staff yet.",
    parse: (raw) =>
      [...raw].length >= 8 && [...raw].length <= 256 ? { value: raw } : { problem: 'must be 8 to 256 characters long' },
  },
  {
    variable: 'STAFF_SESSION_IDLE_TIMEOUT',
    key: 'staffSessionIdleTimeoutMs',
    fallback: '30m',
    description: 'A back-office session ends after this long without a request.',
    parse: duration(60_000),
  },
  {
    variable: 'STAFF_SESSION_LIFETIME',
    key: 'staffSessionLifetimeMs',
    fallback: '12h',
    description: 'A back-office session ends this long after sign-in, however busy.',
    parse: duration(60_000),
  },
  {
    variable: 'WEBHOOK_URLS',
    key: 'webhookUrls',
    fallback: '',
    description:
      'Comma-separated http(s) URLs that receive user.registered, user.confirmed, user.disabled and user.deleted.',
    parse: list((item) => 'value' in url(['http:', 'https:'])(item), 'http:// or https:// URLs'),
  },
  {
    variable: 'WEBHOOK_SECRET',
    key: 'webhookSecret',
    fallback: undefined,
    description:
      'Key of the HMAC-SHA-256 signature on every webhook (at least 32 characters). Required with WEBHOOK_URLS.',
    parse: (raw) => (raw.length >= 32 ? { value: raw } : { problem: 'must be at least 32 characters long' }),
  },
  {
    variable: 'WEBHOOK_TIMEOUT',
    key: 'webhookTimeoutMs',
    fallback: '10s',
    description: 'How long a webhook receiver may take to answer before the delivery is retried.',
    parse: duration(100),
  },
  {
    variable: 'CONFIRMATION_TOKEN_TTL',
    key: 'confirmationTokenTtlMs',
    fallback: '24h',
    description: 'How long a confirmation link works.',
    parse: duration(60_000),
  },
  {
    variable: 'EMAIL_COOLDOWN',
    key: 'emailCooldownMs',
    fallback: '60s',
    description: 'Least time between two emails to one address, whichever path asks for them.',
    parse: duration(0),
  },
  {
    variable: 'EMAIL_LIMIT_PER_ADDRESS',
    key: 'emailLimitPerAddress',
    fallback: '5/1h',
    description: 'Most emails to one address per window (sign-up, resend and back office together).',
    parse: rate,
  },
  {
    variable: 'EMAIL_LIMIT_GLOBAL',
    key: 'emailLimitGlobal',
    fallback: '1000/1h',
    description:
      'Most emails sent per window by all workers together; the rest wait in the outbox. Webhooks do not count.',
    parse: rate,
  },
  {
    variable: 'EMAIL_FOLD_PLUS_TAGS',
    key: 'emailFoldPlusTags',
    fallback: 'false',
    description: 'true: name+tag@example.com is the same account as name@example.com (email still goes as typed).',
    parse: flag,
  },
  {
    variable: 'EMAIL_FOLD_DOTS_DOMAINS',
    key: 'emailFoldDotsDomains',
    fallback: '',
    description: 'Comma-separated domains whose mailboxes ignore dots (gmail.com,googlemail.com): a.b@ is ab@ there.',
    parse: (raw) =>
      list((item) => /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+$/u.test(item), 'domains like gmail.com')(raw.toLowerCase()),
  },
  {
    variable: 'RATE_LIMIT_SIGNUP',
    key: 'rateLimitSignup',
    fallback: '30/5m',
    description: 'Sign-ups per client IP per window (page and API together); more get 429.',
    parse: rate,
  },
  {
    variable: 'RATE_LIMIT_RESEND',
    key: 'rateLimitResend',
    fallback: '10/5m',
    description: 'Requests for a new link per client IP per window (page and API together).',
    parse: rate,
  },
  {
    variable: 'RATE_LIMIT_CONFIRM',
    key: 'rateLimitConfirm',
    fallback: '30/5m',
    description: 'Confirmations (link or code, page or API) per client IP per window.',
    parse: rate,
  },
  {
    variable: 'RATE_LIMIT_STAFF_SIGNIN',
    key: 'rateLimitStaffSignin',
    fallback: '10/5m',
    description: 'Back-office sign-in attempts per client IP per window.',
    parse: rate,
  },
  {
    variable: 'SIGNUP_MIN_RESPONSE_TIME',
    key: 'signupMinResponseMs',
    fallback: '200ms',
    description:
      'A valid sign-up is answered no sooner than this, so new, pending and active addresses take as long. 0: off.',
    parse: duration(0),
  },
  {
    variable: 'RESEND_MIN_RESPONSE_TIME',
    key: 'resendMinResponseMs',
    fallback: '100ms',
    description: 'A request for a new link is answered no sooner than this, whatever the address. 0: off.',
    parse: duration(0),
  },
  {
    variable: 'CONFIRM_CODE_MIN_RESPONSE_TIME',
    key: 'confirmCodeMinResponseMs',
    fallback: '150ms',
    description:
      'A confirmation by code is answered no sooner than this, so a wrong code for a pending address and for an unknown one take as long. 0: off.',
    parse: duration(0),
  },
  {
    variable: 'REDIS_URL',
    key: 'redisUrl',
    fallback: undefined,
    description: 'Redis for the per-IP rate-limit counters, shared by every instance. Unset: counted in each process.',
    parse: url(['redis:', 'rediss:']),
  },
  {
    variable: 'REDIS_KEY_PREFIX',
    key: 'redisKeyPrefix',
    fallback: 'gatehouse:',
    description: 'Prefix of every Redis key Gatehouse writes, to share one Redis with other applications.',
    parse: text,
  },
  {
    variable: 'DISPOSABLE_DOMAINS_FILE',
    key: 'disposableDomainsFile',
    fallback: undefined,
    description: 'File of throwaway-mail domains refused at sign-up, one per line. Unset: the shipped list (~120,000).',
    parse: text,
  },
  {
    variable: 'ALLOWED_DISPOSABLE_DOMAINS',
    key: 'allowedDisposableDomains',
    fallback: '',
    description: 'Comma-separated domains to accept even though the list names them.',
    parse: (raw) => list(() => true, 'domains')(raw.toLowerCase()),
  },
  {
    variable: 'PENDING_ACCOUNT_TTL',
    key: 'pendingAccountTtlMs',
    fallback: '7d',
    description: 'Accounts still unconfirmed after this long are removed (announced as user.deleted).',
    parse: duration(60_000),
  },
  {
    variable: 'PURGE_INTERVAL',
    key: 'purgeIntervalMs',
    fallback: '1h',
    description: 'How often each API process looks for unconfirmed accounts to remove.',
    parse: duration(100),
  },
  {
    variable: 'ARGON2_MEMORY_KIB',
    key: 'argon2MemoryKib',
    fallback: '19456',
    description: 'argon2id memory cost in KiB (OWASP: 19456).',
    parse: integer(1024, 4_194_304),
  },
  {
    variable: 'ARGON2_TIME_COST',
    key: 'argon2TimeCost',
    fallback: '2',
    description: 'argon2id iterations (OWASP: 2).',
    parse: integer(1, 100),
  },
  {
    variable: 'ARGON2_PARALLELISM',
    key: 'argon2Parallelism',
    fallback: '1',
    description: 'argon2id lanes (OWASP: 1).',
    parse: integer(1, 64),
  },
  {
    variable: 'OUTBOX_POLL_INTERVAL',
    key: 'outboxPollIntervalMs',
    fallback: '500ms',
    description: 'How often the email worker looks for due emails.',
    parse: duration(10),
  },
  {
    variable: 'OUTBOX_BATCH_SIZE',
    key: 'outboxBatchSize',
    fallback: '50',
    description: 'Emails one worker claims at a time.',
    parse: integer(1, 1000),
  },
  {
    variable: 'OUTBOX_LEASE',
    key: 'outboxLeaseMs',
    fallback: '2m',
    description: 'How long a claimed email stays with one worker before another may retry it.',
    parse: duration(1000),
  },
  {
    variable: 'OUTBOX_MAX_ATTEMPTS',
    key: 'outboxMaxAttempts',
    fallback: '8',
    description: 'Attempts before an email is marked failed.',
    parse: integer(1, 100),
  },
  {
    variable: 'OUTBOX_RETRY_BASE',
    key: 'outboxRetryBaseMs',
    fallback: '30s',
    description: 'Wait before the first retry; each later one waits four times longer.',
    parse: duration(10),
  },
  {
    variable: 'OUTBOX_RETRY_MAX',
    key: 'outboxRetryMaxMs',
    fallback: '6h',
    description: 'Longest wait between two retries.',
    parse: duration(10),
  },
  {
    variable: 'OUTBOX_STUCK_AFTER',
    key: 'outboxStuckAfterMs',
    fallback: '15m',
    description: 'When an email (webhook) waits this long, /health/ready reports `outbox` (`webhooks`) degraded.',
    parse: duration(1000),
  },
  {
    variable: 'DATA_DIR',
    key: 'dataDir',
    fallback: '.data',
    description: 'Where the embedded PostgreSQL, the development inbox and the generated secret live.',
    parse: text,
  },
  {
    variable: 'EMBEDDED_POSTGRES_PORT',
    key: 'embeddedPostgresPort',
    fallback: '5488',
    description: 'Port of the embedded PostgreSQL (only without DATABASE_URL).',
    parse: integer(1, 65535),
  },
  {
    variable: 'DEV_INBOX_SMTP_PORT',
    key: 'devInboxSmtpPort',
    fallback: '1025',
    description: 'SMTP port of the development inbox (only without SMTP_URL).',
    parse: integer(1, 65535),
  },
];

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
  const config = new AppConfig();
  const problems: string[] = [];
  const values = config as unknown as Record<string, unknown>;
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
  if (['APP_SECRET', 'METRICS_TOKEN', 'WEBHOOK_SECRET', 'ADMIN_PASSWORD'].includes(variable)) return '***';
  if (variable.endsWith('_URL')) return raw.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
  return raw;
}
