export interface SmtpPoolSettings {
  /** Pooled connections to the SMTP server. */
  connections: number;
  /** Messages per second through the pool; 0 sends as fast as the server takes them. */
  ratePerSecond: number;
  /** How long to wait for a connection, the greeting, and each reply. */
  timeoutMs: number;
}

/** nodemailer's pooled SMTP options from SMTP_URL; credentials stay in the URL's user info. */
export function smtpTransportOptions(smtpUrl: string, pool: SmtpPoolSettings) {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    pool: true,
    maxConnections: pool.connections,
    ...(pool.ratePerSecond > 0 ? { rateDelta: 1000, rateLimit: pool.ratePerSecond } : {}),
    connectionTimeout: pool.timeoutMs,
    greetingTimeout: pool.timeoutMs,
    socketTimeout: pool.timeoutMs * 3,
  };
}
