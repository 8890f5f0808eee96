import { readOidcClientsFile } from './oidc-clients';
import { duration, flag, integer, list, oneOf, rate, setting, text, url, type Parsed } from './setting';

// Every setting Gatehouse reads, by area. Each one's type is what its parser returns (an unset optional one is
// undefined), so the configuration's shape comes from here and a parser cannot hand a setting the wrong type.
// Defaults are written as a person would write them; README.md's table lists each (a test keeps it so).

/** The HTTP server, its public address and what it logs. */
export const SERVER_SETTINGS = {
  nodeEnv: setting({
    variable: 'NODE_ENV',
    fallback: 'development',
    description:
      'development, production or test. Production refuses to start without DATABASE_URL, SMTP_URL and APP_SECRET.',
    parse: oneOf(['development', 'production', 'test'] as const),
  }),
  logLevel: setting({
    variable: 'LOG_LEVEL',
    fallback: 'info',
    description: 'fatal, error, warn, info, debug, trace or silent.',
    parse: oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const),
  }),
  logFormat: setting({
    variable: 'LOG_FORMAT',
    fallback: (env) => (env.NODE_ENV === 'production' ? 'json' : 'pretty'),
    description: 'json (one object per line) or pretty (readable). Default: json in production, pretty otherwise.',
    parse: oneOf(['json', 'pretty'] as const),
  }),
  host: setting({
    variable: 'HOST',
    fallback: '0.0.0.0',
    description: 'Address the HTTP server listens on.',
    parse: text,
  }),
  port: setting({
    variable: 'PORT',
    fallback: '3000',
    description: 'Port the HTTP server listens on.',
    parse: integer(0, 65535),
  }),
  corsOrigins: setting({
    variable: 'CORS_ORIGINS',
    fallback: '',
    description: 'Comma-separated origins (https://app.example.com) whose browsers may call the JSON API. Unset: none.',
    parse: list((item) => /^https?:\/\/[^/\s]+$/.test(item), 'origins like https://app.example.com'),
  }),
  trustedProxies: setting({
    variable: 'TRUSTED_PROXIES',
    fallback: '',
    description: 'Comma-separated addresses or CIDR ranges of proxies whose X-Forwarded-For is believed. Unset: none.',
    parse: list((item) => /^[0-9a-f:.]+(\/\d{1,3})?$/i.test(item), 'IP addresses or CIDR ranges'),
  }),
  appUrl: setting({
    variable: 'APP_URL',
    fallback: (env) => `http://localhost:${env.PORT ?? '3000'}`,
    description:
      'Public base URL of Gatehouse; every link in an email starts with it (never taken from the Host header).',
    parse: (raw): Parsed<string> => {
      const result = url(['http:', 'https:'])(raw);
      return 'value' in result ? { value: String(result.value).replace(/\/+$/, '') } : result;
    },
  }),
  metricsToken: setting.optional({
    variable: 'METRICS_TOKEN',
    fallback: undefined,
    description: 'When set, GET /metrics requires Authorization: Bearer <token>. Unset: /metrics is open.',
    parse: (raw): Parsed<string> =>
      raw.length >= 16 ? { value: raw } : { problem: 'must be at least 16 characters long' },
  }),
};

/** PostgreSQL. */
export const DATABASE_SETTINGS = {
  databaseUrl: setting.optional({
    variable: 'DATABASE_URL',
    fallback: undefined,
    description: 'PostgreSQL connection URL. Unset: an embedded PostgreSQL with its data under DATA_DIR.',
    parse: url(['postgres:', 'postgresql:']),
  }),
  databasePoolSize: setting({
    variable: 'DATABASE_POOL_SIZE',
    fallback: '10',
    description: 'Connections in the database pool.',
    parse: integer(1, 500),
  }),
};

/** Sending email, and what it looks like. */
export const MAIL_SETTINGS = {
  smtpUrl: setting.optional({
    variable: 'SMTP_URL',
    fallback: undefined,
    description: 'SMTP server, smtp://user:pass@host:port (smtps:// for implicit TLS). Unset: the development inbox.',
    parse: url(['smtp:', 'smtps:']),
  }),
  smtpPoolSize: setting({
    variable: 'SMTP_POOL_SIZE',
    fallback: '5',
    description: 'Pooled SMTP connections.',
    parse: integer(1, 100),
  }),
  smtpRateLimit: setting({
    variable: 'SMTP_RATE_LIMIT',
    fallback: '0',
    description: 'Most emails per second one process sends (for providers with a sending rate); 0: no limit.',
    parse: integer(0, 100_000),
  }),
  smtpTimeoutMs: setting({
    variable: 'SMTP_TIMEOUT',
    fallback: '10s',
    description: 'How long to wait for the SMTP server to connect, greet and answer.',
    parse: duration(100),
  }),
  mailFrom: setting({
    variable: 'MAIL_FROM',
    fallback: 'Gatehouse <no-reply@gatehouse.localhost>',
    description: 'Sender of every email, "Name <address>" or an address.',
    parse: (raw): Parsed<string> =>
      /@[^@\s>]+\.[^@\s>]+>?\s*$/.test(raw.trim())
        ? { value: raw.trim() }
        : { problem: 'must be an email address, optionally as "Name <address>"' },
  }),
  productName: setting({
    variable: 'PRODUCT_NAME',
    fallback: 'Gatehouse',
    description: 'Name shown on the pages and in emails.',
    parse: text,
  }),
  supportEmail: setting.optional({
    variable: 'SUPPORT_EMAIL',
    fallback: undefined,
    description: 'Address shown at the foot of every email for questions. Unset: no footer.',
    parse: (raw): Parsed<string> =>
      /^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$/.test(raw.trim())
        ? { value: raw.trim() }
        : { problem: 'must be an email address' },
  }),
  brandColor: setting({
    variable: 'BRAND_COLOR',
    fallback: '#1d4ed8',
    description: 'Colour of buttons and links in emails, as #rrggbb.',
    parse: (raw): Parsed<string> =>
      /^#[0-9a-f]{6}$/i.test(raw.trim()) ? { value: raw.trim() } : { problem: 'must be a colour like #1d4ed8' },
  }),
};

/** The secret every digest, signature and encrypted payload is keyed with. */
export const SECURITY_SETTINGS = {
  appSecret: setting.optional({
    variable: 'APP_SECRET',
    fallback: undefined,
    description:
      'Server secret (at least 32 characters) keying token digests and outbox encryption. Unset outside production: generated into DATA_DIR/app-secret.',
    parse: (raw): Parsed<string> =>
      raw.length >= 32 ? { value: raw } : { problem: 'must be at least 32 characters long' },
  }),
};

/** The back office: the first admin and staff sessions. */
export const STAFF_SETTINGS = {
  adminEmail: setting.optional({
    variable: 'ADMIN_EMAIL',
    fallback: undefined,
    description:
      'With ADMIN_PASSWORD: the first admin, created at start when there is no staff yet. Unset: a one-time setup link is printed instead.',
    parse: (raw): Parsed<string> =>
      /^[^@\s]+@[^@\s]+$/.test(raw.trim()) ? { value: raw.trim() } : { problem: 'must be an email address' },
  }),
  adminPassword: setting.optional({
    variable: 'ADMIN_PASSWORD',
    fallback: undefined,
    description: "The first admin's password (8 to 256 characters), used only while there is no staff yet.",
    parse: (raw): Parsed<string> =>
      [...raw].length >= 8 && [...raw].length <= 256 ? { value: raw } : { problem: 'must be 8 to 256 characters long' },
  }),
  staffSessionIdleTimeoutMs: setting({
    variable: 'STAFF_SESSION_IDLE_TIMEOUT',
    fallback: '30m',
    description: 'A back-office session ends after this long without a request.',
    parse: duration(60_000),
  }),
  staffSessionLifetimeMs: setting({
    variable: 'STAFF_SESSION_LIFETIME',
    fallback: '12h',
    description: 'A back-office session ends this long after sign-in, however busy.',
    parse: duration(60_000),
  }),
};

/** Events sent to the product. */
export const WEBHOOKS_SETTINGS = {
  webhookUrls: setting({
    variable: 'WEBHOOK_URLS',
    fallback: '',
    description:
      'Comma-separated http(s) URLs that receive user.registered, user.confirmed, user.disabled and user.deleted.',
    parse: list((item) => 'value' in url(['http:', 'https:'])(item), 'http:// or https:// URLs'),
  }),
  webhookSecret: setting.optional({
    variable: 'WEBHOOK_SECRET',
    fallback: undefined,
    description:
      'Key of the HMAC-SHA-256 signature on every webhook (at least 32 characters). Required with WEBHOOK_URLS.',
    parse: (raw): Parsed<string> =>
      raw.length >= 32 ? { value: raw } : { problem: 'must be at least 32 characters long' },
  }),
  webhookTimeoutMs: setting({
    variable: 'WEBHOOK_TIMEOUT',
    fallback: '10s',
    description: 'How long a webhook receiver may take to answer before the delivery is retried.',
    parse: duration(100),
  }),
};

/** Sign-up and confirmation: links, per-address email limits, which addresses are taken in, how long pending accounts live. */
export const SIGN_UP_SETTINGS = {
  confirmationTokenTtlMs: setting({
    variable: 'CONFIRMATION_TOKEN_TTL',
    fallback: '24h',
    description: 'How long a confirmation link works.',
    parse: duration(60_000),
  }),
  emailCooldownMs: setting({
    variable: 'EMAIL_COOLDOWN',
    fallback: '60s',
    description: 'Least time between two emails to one address, whichever path asks for them.',
    parse: duration(0),
  }),
  emailLimitPerAddress: setting({
    variable: 'EMAIL_LIMIT_PER_ADDRESS',
    fallback: '5/1h',
    description: 'Most emails to one address per window (sign-up, resend and back office together).',
    parse: rate,
  }),
  emailLimitGlobal: setting({
    variable: 'EMAIL_LIMIT_GLOBAL',
    fallback: '1000/1h',
    description:
      'Most emails sent per window by all workers together; the rest wait in the outbox. Webhooks do not count.',
    parse: rate,
  }),
  emailFoldPlusTags: setting({
    variable: 'EMAIL_FOLD_PLUS_TAGS',
    fallback: 'false',
    description: 'true: name+tag@example.com is the same account as name@example.com (email still goes as typed).',
    parse: flag,
  }),
  emailFoldDotsDomains: setting({
    variable: 'EMAIL_FOLD_DOTS_DOMAINS',
    fallback: '',
    description: 'Comma-separated domains whose mailboxes ignore dots (gmail.com,googlemail.com): a.b@ is ab@ there.',
    parse: (raw) =>
      list((item) => /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+$/u.test(item), 'domains like gmail.com')(raw.toLowerCase()),
  }),
  disposableDomainsFile: setting.optional({
    variable: 'DISPOSABLE_DOMAINS_FILE',
    fallback: undefined,
    description: 'File of throwaway-mail domains refused at sign-up, one per line. Unset: the shipped list (~120,000).',
    parse: text,
  }),
  allowedDisposableDomains: setting({
    variable: 'ALLOWED_DISPOSABLE_DOMAINS',
    fallback: '',
    description: 'Comma-separated domains to accept even though the list names them.',
    parse: (raw) => list(() => true, 'domains')(raw.toLowerCase()),
  }),
  pendingAccountTtlMs: setting({
    variable: 'PENDING_ACCOUNT_TTL',
    fallback: '7d',
    description: 'Accounts still unconfirmed after this long are removed (announced as user.deleted).',
    parse: duration(60_000),
  }),
  purgeIntervalMs: setting({
    variable: 'PURGE_INTERVAL',
    fallback: '1h',
    description: 'How often each API process looks for unconfirmed accounts to remove.',
    parse: duration(100),
  }),
};

/** Per-IP limits and answer-time floors on the public endpoints. */
export const ABUSE_SETTINGS = {
  rateLimitSignup: setting({
    variable: 'RATE_LIMIT_SIGNUP',
    fallback: '30/5m',
    description: 'Sign-ups per client IP per window (page and API together); more get 429.',
    parse: rate,
  }),
  rateLimitResend: setting({
    variable: 'RATE_LIMIT_RESEND',
    fallback: '10/5m',
    description: 'Requests for a new link per client IP per window (page and API together).',
    parse: rate,
  }),
  rateLimitConfirm: setting({
    variable: 'RATE_LIMIT_CONFIRM',
    fallback: '30/5m',
    description: 'Confirmations (link or code, page or API) per client IP per window.',
    parse: rate,
  }),
  rateLimitStaffSignin: setting({
    variable: 'RATE_LIMIT_STAFF_SIGNIN',
    fallback: '10/5m',
    description: 'Back-office sign-in attempts per client IP per window.',
    parse: rate,
  }),
  rateLimitSignin: setting({
    variable: 'RATE_LIMIT_SIGNIN',
    fallback: '30/5m',
    description: 'Sign-in attempts on the OpenID sign-in page per client IP per window (each address also locks).',
    parse: rate,
  }),
  signupMinResponseMs: setting({
    variable: 'SIGNUP_MIN_RESPONSE_TIME',
    fallback: '200ms',
    description:
      'A valid sign-up is answered no sooner than this, so new, pending and active addresses take as long. 0: off.',
    parse: duration(0),
  }),
  resendMinResponseMs: setting({
    variable: 'RESEND_MIN_RESPONSE_TIME',
    fallback: '100ms',
    description: 'A request for a new link is answered no sooner than this, whatever the address. 0: off.',
    parse: duration(0),
  }),
  confirmCodeMinResponseMs: setting({
    variable: 'CONFIRM_CODE_MIN_RESPONSE_TIME',
    fallback: '150ms',
    description:
      'A confirmation by code is answered no sooner than this, so a wrong code for a pending address and for an unknown one take as long. 0: off.',
    parse: duration(0),
  }),
  redisUrl: setting.optional({
    variable: 'REDIS_URL',
    fallback: undefined,
    description: 'Redis for the per-IP rate-limit counters, shared by every instance. Unset: counted in each process.',
    parse: url(['redis:', 'rediss:']),
  }),
  redisKeyPrefix: setting({
    variable: 'REDIS_KEY_PREFIX',
    fallback: 'gatehouse:',
    description: 'Prefix of every Redis key Gatehouse writes, to share one Redis with other applications.',
    parse: text,
  }),
};

/** argon2id for passwords. */
export const HASHING_SETTINGS = {
  argon2MemoryKib: setting({
    variable: 'ARGON2_MEMORY_KIB',
    fallback: '19456',
    description: 'argon2id memory cost in KiB (OWASP: 19456).',
    parse: integer(1024, 4_194_304),
  }),
  argon2TimeCost: setting({
    variable: 'ARGON2_TIME_COST',
    fallback: '2',
    description: 'argon2id iterations (OWASP: 2).',
    parse: integer(1, 100),
  }),
  argon2Parallelism: setting({
    variable: 'ARGON2_PARALLELISM',
    fallback: '1',
    description: 'argon2id lanes (OWASP: 1).',
    parse: integer(1, 64),
  }),
};

/** The outbox worker that sends emails and webhooks. */
export const OUTBOX_SETTINGS = {
  outboxPollIntervalMs: setting({
    variable: 'OUTBOX_POLL_INTERVAL',
    fallback: '500ms',
    description: 'How often the email worker looks for due emails.',
    parse: duration(10),
  }),
  outboxBatchSize: setting({
    variable: 'OUTBOX_BATCH_SIZE',
    fallback: '50',
    description: 'Emails one worker claims at a time.',
    parse: integer(1, 1000),
  }),
  outboxLeaseMs: setting({
    variable: 'OUTBOX_LEASE',
    fallback: '2m',
    description: 'How long a claimed email stays with one worker before another may retry it.',
    parse: duration(1000),
  }),
  outboxMaxAttempts: setting({
    variable: 'OUTBOX_MAX_ATTEMPTS',
    fallback: '8',
    description: 'Attempts before an email is marked failed.',
    parse: integer(1, 100),
  }),
  outboxRetryBaseMs: setting({
    variable: 'OUTBOX_RETRY_BASE',
    fallback: '30s',
    description: 'Wait before the first retry; each later one waits four times longer.',
    parse: duration(10),
  }),
  outboxRetryMaxMs: setting({
    variable: 'OUTBOX_RETRY_MAX',
    fallback: '6h',
    description: 'Longest wait between two retries.',
    parse: duration(10),
  }),
  outboxStuckAfterMs: setting({
    variable: 'OUTBOX_STUCK_AFTER',
    fallback: '15m',
    description: 'When an email (webhook) waits this long, /health/ready reports `outbox` (`webhooks`) degraded.',
    parse: duration(1000),
  }),
};

/** Sign-in with Gatehouse: the OpenID Connect provider's products. */
export const OIDC_SETTINGS = {
  oidcClients: setting.optional({
    variable: 'OIDC_CLIENTS_FILE',
    fallback: undefined,
    description:
      'JSON file with an array of the products that sign people in (RFC 7591 client metadata), read at start. Unset: none.',
    parse: readOidcClientsFile,
  }),
  signInSessionIdleMs: setting({
    variable: 'SIGN_IN_SESSION_IDLE_TIMEOUT',
    fallback: '7d',
    description: 'A person stays signed in to Gatehouse (for products) this long after the last sign-in flow.',
    parse: duration(60_000),
  }),
  signInSessionLifetimeMs: setting({
    variable: 'SIGN_IN_SESSION_LIFETIME',
    fallback: '30d',
    description: 'After this long since signing in, the Gatehouse session ends however active; products keep tokens.',
    parse: duration(60_000),
  }),
};

/** What providers and bounce emails report after the relay took an email: suppression and the event webhooks. */
export const DELIVERABILITY_SETTINGS = {
  softBounceLimit: setting({
    variable: 'SOFT_BOUNCE_LIMIT',
    fallback: '3',
    description: 'Soft bounces of one address within 7 days that suppress it for SOFT_BOUNCE_SUPPRESSION.',
    parse: integer(1, 1000),
  }),
  softBounceSuppressionMs: setting({
    variable: 'SOFT_BOUNCE_SUPPRESSION',
    fallback: '24h',
    description:
      'How long repeated soft bounces keep email from an address (hard bounces and complaints: until lifted).',
    parse: duration(60_000),
  }),
  postmarkWebhookUser: setting.optional({
    variable: 'POSTMARK_WEBHOOK_USER',
    fallback: undefined,
    description:
      'With POSTMARK_WEBHOOK_PASSWORD: the HTTP basic credentials Postmark sends to /api/email-events/postmark.',
    parse: text,
  }),
  postmarkWebhookPassword: setting.optional({
    variable: 'POSTMARK_WEBHOOK_PASSWORD',
    fallback: undefined,
    description: 'The password of those credentials (at least 16 characters). Unset: the Postmark webhook answers 401.',
    parse: (raw): Parsed<string> =>
      raw.length >= 16 ? { value: raw } : { problem: 'must be at least 16 characters long' },
  }),
  mailgunWebhookSigningKey: setting.optional({
    variable: 'MAILGUN_WEBHOOK_SIGNING_KEY',
    fallback: undefined,
    description:
      "Mailgun's HTTP webhook signing key, checking /api/email-events/mailgun. Unset: that webhook answers 401.",
    parse: text,
  }),
  sendgridWebhookPublicKey: setting.optional({
    variable: 'SENDGRID_WEBHOOK_PUBLIC_KEY',
    fallback: undefined,
    description:
      "The Signed Event Webhook's verification key (base64) checking /api/email-events/sendgrid. Unset: it answers 401.",
    parse: (raw): Parsed<string> =>
      /^[A-Za-z0-9+/=\s-]+$/.test(raw.trim()) && raw.trim().length >= 40
        ? { value: raw.trim() }
        : { problem: 'must be the base64 public key SendGrid shows' },
  }),
  bouncedPendingTtlMs: setting({
    variable: 'BOUNCED_PENDING_TTL',
    fallback: '24h',
    description:
      'A pending account whose confirmation bounced for good is removed this long after the bounce (not PENDING_ACCOUNT_TTL).',
    parse: duration(60_000),
  }),
  sesSnsCertHosts: setting({
    variable: 'SES_SNS_CERT_HOSTS',
    fallback: 'sns.*.amazonaws.com',
    description:
      'Comma-separated hosts (* is one label) whose SNS certificates and SubscribeURLs /api/email-events/ses trusts.',
    parse: list((item) => /^(\*|[a-z0-9-]+)(\.(\*|[a-z0-9-]+))*$/i.test(item), 'host names like sns.*.amazonaws.com'),
  }),
};

/** The embedded PostgreSQL and development inbox of a zero-configuration start. */
export const LOCAL_SETTINGS = {
  dataDir: setting({
    variable: 'DATA_DIR',
    fallback: '.data',
    description: 'Where the embedded PostgreSQL, the development inbox and the generated secret live.',
    parse: text,
  }),
  embeddedPostgresPort: setting({
    variable: 'EMBEDDED_POSTGRES_PORT',
    fallback: '5488',
    description: 'Port of the embedded PostgreSQL (only without DATABASE_URL).',
    parse: integer(1, 65535),
  }),
  devInboxSmtpPort: setting({
    variable: 'DEV_INBOX_SMTP_PORT',
    fallback: '1025',
    description: 'SMTP port of the development inbox (only without SMTP_URL).',
    parse: integer(1, 65535),
  }),
};
