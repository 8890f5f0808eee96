import { ConfigError, describeSettings, loadConfig, SETTINGS } from './app-config';
import { durationParts, parseDuration, roundUpForPeople } from './durations';
import { parseRate } from './rates';

describe('loadConfig', () => {
  it('starts with nothing set, using the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      appUrl: 'http://localhost:3000',
      databaseUrl: undefined,
      smtpUrl: undefined,
      confirmationTokenTtlMs: 24 * 3_600_000,
      emailCooldownMs: 60_000,
      emailLimitPerAddress: { limit: 5, windowMs: 3_600_000 },
      emailLimitGlobal: { limit: 1000, windowMs: 3_600_000 },
      emailFoldPlusTags: false,
      emailFoldDotsDomains: [],
      rateLimitSignup: { limit: 30, windowMs: 300_000 },
      rateLimitResend: { limit: 10, windowMs: 300_000 },
      rateLimitConfirm: { limit: 30, windowMs: 300_000 },
      rateLimitStaffSignin: { limit: 10, windowMs: 300_000 },
      signupMinResponseMs: 200,
      resendMinResponseMs: 100,
      redisUrl: undefined,
      redisKeyPrefix: 'gatehouse:',
      argon2MemoryKib: 19_456,
      argon2TimeCost: 2,
      argon2Parallelism: 1,
    });
  });

  it('derives APP_URL from PORT and drops a trailing slash', () => {
    expect(loadConfig({ PORT: '8080' }).appUrl).toBe('http://localhost:8080');
    expect(loadConfig({ APP_URL: 'https://id.example.com/' }).appUrl).toBe('https://id.example.com');
  });

  it('reports every bad value on a line of its own, naming the variable and hiding secrets', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: '99999',
        APP_URL: 'ftp://x',
        DATABASE_URL: 'mysql://u:hunter2@db/x',
        CONFIRMATION_TOKEN_TTL: '1 day',
        APP_SECRET: 'short',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { problems, message } = error as ConfigError;
    expect(problems).toEqual([
      'PORT must be a whole number from 0 to 65535 (got "99999").',
      'APP_URL must start with http:// or https:// (got "ftp://x").',
      'DATABASE_URL must start with postgres:// or postgresql:// (got "mysql://u:***@db/x").',
      'APP_SECRET must be at least 32 characters long (got "***").',
      'CONFIRMATION_TOKEN_TTL must be a duration such as 250ms, 30s, 5m, 24h or 7d (got "1 day").',
    ]);
    expect(message).not.toContain('hunter2');
  });

  it('reads comma-separated lists and names the item that is wrong', () => {
    const config = loadConfig({
      CORS_ORIGINS: 'https://a.example, http://localhost:5173',
      TRUSTED_PROXIES: '10.0.0.0/8,::1',
      ALLOWED_DISPOSABLE_DOMAINS: 'Mailinator.com',
    });
    expect(config.corsOrigins).toEqual(['https://a.example', 'http://localhost:5173']);
    expect(config.trustedProxies).toEqual(['10.0.0.0/8', '::1']);
    expect(config.allowedDisposableDomains).toEqual(['mailinator.com']);
    expect(() =>
      loadConfig({ CORS_ORIGINS: 'https://a.example/path', WEBHOOK_URLS: 'ftp://x', WEBHOOK_SECRET: 'x'.repeat(32) }),
    ).toThrow(
      /CORS_ORIGINS must list origins like https:\/\/app.example.com, "https:\/\/a.example\/path" is not one[\s\S]*WEBHOOK_URLS must list http:\/\/ or https:\/\/ URLs, "ftp:\/\/x" is not one/,
    );
    expect(() => loadConfig({ WEBHOOK_URLS: 'https://hooks.example' })).toThrow(
      'WEBHOOK_SECRET is required when WEBHOOK_URLS is set',
    );
  });

  it('reads limits as a count per duration, folding switches and Redis, one line per bad value', () => {
    const config = loadConfig({
      RATE_LIMIT_SIGNUP: '100/1h',
      EMAIL_LIMIT_PER_ADDRESS: '3 / 30m',
      EMAIL_FOLD_PLUS_TAGS: 'TRUE',
      EMAIL_FOLD_DOTS_DOMAINS: 'Gmail.com, googlemail.com',
      REDIS_URL: 'redis://:secret@cache.internal:6379/2',
    });
    expect(config.rateLimitSignup).toEqual({ limit: 100, windowMs: 3_600_000 });
    expect(config.emailLimitPerAddress).toEqual({ limit: 3, windowMs: 1_800_000 });
    expect(config.emailFoldPlusTags).toBe(true);
    expect(config.emailFoldDotsDomains).toEqual(['gmail.com', 'googlemail.com']);
    expect(config.redisUrl).toBe('redis://:secret@cache.internal:6379/2');

    let error: unknown;
    try {
      loadConfig({
        RATE_LIMIT_SIGNUP: '30 per 5m',
        RATE_LIMIT_CONFIRM: '0/5m',
        EMAIL_LIMIT_GLOBAL: '1000/500ms',
        EMAIL_FOLD_PLUS_TAGS: 'yes',
        EMAIL_FOLD_DOTS_DOMAINS: 'gmail',
        REDIS_URL: 'http://user:hunter2@cache:6379',
      });
    } catch (caught) {
      error = caught;
    }
    expect((error as ConfigError).problems).toEqual([
      'EMAIL_LIMIT_GLOBAL must have a window of at least 1s (got "1000/500ms").',
      'EMAIL_FOLD_PLUS_TAGS must be true or false (got "yes").',
      'EMAIL_FOLD_DOTS_DOMAINS must list domains like gmail.com, "gmail" is not one (got "gmail").',
      'RATE_LIMIT_SIGNUP must be a count per duration such as 30/5m, 10/60s or 1000/1h (got "30 per 5m").',
      'RATE_LIMIT_CONFIRM must allow from 1 to 10000000 per window (got "0/5m").',
      'REDIS_URL must start with redis:// or rediss:// (got "http://user:***@cache:6379").',
    ]);
  });

  it('requires the real services and a secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /DATABASE_URL is required when NODE_ENV=production\.[\s\S]*SMTP_URL is required[\s\S]*APP_SECRET is required/,
    );
  });

  it('lists every setting with its default for --help', () => {
    const help = describeSettings();
    for (const setting of SETTINGS) expect(help).toContain(setting.variable);
    expect(help).toMatch(/CONFIRMATION_TOKEN_TTL\s+24h/);
  });
});

describe('durations', () => {
  it.each([
    ['250ms', 250],
    ['30s', 30_000],
    ['5m', 300_000],
    ['24h', 86_400_000],
    ['7d', 604_800_000],
    ['1.5h', 5_400_000],
  ])('parses %s', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(['', '10', 'h', '-5s', '5 s', '1w'])('refuses %j', (text) => expect(parseDuration(text)).toBeUndefined());

  it('names the largest whole unit, for sentences shown to people', () => {
    expect(durationParts(86_400_000)).toEqual({ count: 1, unit: 'day' });
    expect(durationParts(24 * 3_600_000 * 2)).toEqual({ count: 2, unit: 'day' });
    expect(durationParts(3_600_000 * 5)).toEqual({ count: 5, unit: 'hour' });
    expect(durationParts(90_000)).toEqual({ count: 90, unit: 'second' });
  });

  it.each([
    [500, 1000],
    [59_000, 59_000],
    [60_000, 60_000],
    [190_000, 240_000],
    [3_599_000, 3_600_000],
    [7_200_000, 7_200_000],
    [7_300_000, 10_800_000],
  ])('rounds a wait of %i ms up to %i ms for people to read', (ms, rounded) =>
    expect(roundUpForPeople(ms)).toBe(rounded),
  );
});

describe('rates', () => {
  it.each([
    ['30/5m', { limit: 30, windowMs: 300_000 }],
    ['1000/1h', { limit: 1000, windowMs: 3_600_000 }],
    [' 10 / 60s ', { limit: 10, windowMs: 60_000 }],
  ])('parses %j', (text, rate) => expect(parseRate(text)).toEqual(rate));

  it.each(['', '30', '30/', '/5m', '30/5', 'thirty/5m', '3.5/5m', '-1/5m'])('refuses %j', (text) =>
    expect(parseRate(text)).toBeUndefined(),
  );
});
