import { randomUUID } from 'node:crypto';
import { type DataSource } from 'typeorm';

export interface UserFields {
  id: string;
  email: string;
  status: 'pending' | 'active' | 'disabled';
  locale: string;
  createdAt: string;
  confirmedAt: string | null;
  updatedAt: string;
}

/** A user row; times are ISO strings so a test can ask for microseconds. */
export async function aUser(dataSource: DataSource, fields: Partial<UserFields> = {}): Promise<UserFields> {
  const createdAt = fields.createdAt ?? '2026-03-01T12:00:00Z';
  const user: UserFields = {
    id: randomUUID(),
    email: `person-${randomUUID().slice(0, 8)}@example.com`,
    status: fields.confirmedAt ? 'active' : 'pending',
    locale: 'en',
    confirmedAt: null,
    updatedAt: createdAt,
    ...fields,
    createdAt,
  };
  await dataSource.query(
    `INSERT INTO users (id, email, email_normalized, password_hash, status, locale, created_at, confirmed_at, updated_at)
     VALUES ($1, $2, lower($2), 'argon2id-hash-never-shown', $3, $4, $5, $6, $7)`,
    [user.id, user.email, user.status, user.locale, user.createdAt, user.confirmedAt, user.updatedAt],
  );
  return user;
}

export interface TokenFields {
  id: string;
  issuedAt: string;
  expiresAt: string;
  usedAt: string | null;
  supersededAt: string | null;
  digest: string;
  codeDigest: string | null;
}

export async function aToken(
  dataSource: DataSource,
  userId: string,
  fields: Partial<TokenFields> = {},
): Promise<TokenFields> {
  const token: TokenFields = {
    id: randomUUID(),
    issuedAt: '2026-03-01T12:00:00Z',
    expiresAt: '2026-03-02T12:00:00Z',
    usedAt: null,
    supersededAt: null,
    digest: `link-digest-${randomUUID()}`,
    codeDigest: `code-digest-${randomUUID()}`,
    ...fields,
  };
  await dataSource.query(
    `INSERT INTO confirmation_tokens
       (id, user_id, email_normalized, purpose, digest, issued_at, expires_at, used_at, superseded_at, code_digest)
     SELECT $1, $2, email_normalized, 'email_confirmation', $3, $4, $5, $6, $7, $8 FROM users WHERE id = $2`,
    [
      token.id,
      userId,
      token.digest,
      token.issuedAt,
      token.expiresAt,
      token.usedAt,
      token.supersededAt,
      token.codeDigest,
    ],
  );
  return token;
}

export interface OutboxFields {
  id: string;
  channel: 'email' | 'webhook';
  template: string;
  recipient: string;
  state: 'queued' | 'sending' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  createdAt: string;
  nextAttemptAt: string;
  sentAt: string | null;
}

export async function anOutboxRow(
  dataSource: DataSource,
  userId: string | null,
  fields: Partial<OutboxFields> = {},
): Promise<OutboxFields> {
  const createdAt = fields.createdAt ?? '2026-03-01T12:00:00Z';
  const row: OutboxFields = {
    id: randomUUID(),
    channel: 'email',
    template: 'confirmation',
    recipient: 'someone@example.com',
    state: 'sent',
    attempts: 1,
    lastError: null,
    nextAttemptAt: createdAt,
    sentAt: fields.state === undefined || fields.state === 'sent' ? createdAt : null,
    ...fields,
    createdAt,
  };
  await dataSource.query(
    `INSERT INTO email_outbox (id, user_id, channel, template, locale, recipient, recipient_normalized, payload, state,
                               attempts, next_attempt_at, last_error, message_id, created_at, sent_at)
     VALUES ($1, $2, $3, $4, 'en', $5, lower($5), $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      row.id,
      userId,
      row.channel,
      row.template,
      row.recipient,
      Buffer.from('encrypted-payload-never-shown'),
      row.state,
      row.attempts,
      row.nextAttemptAt,
      row.lastError,
      `<${row.id}@example.test>`,
      row.createdAt,
      row.sentAt,
    ],
  );
  return row;
}

export interface AuditFields {
  id: string;
  staffId: string | null;
  staffEmail: string;
  action: string;
  targetType: string;
  targetId: string | null;
  reason: string | null;
  changes: Record<string, unknown>;
  createdAt: string;
}

export async function anAuditEntry(dataSource: DataSource, fields: Partial<AuditFields> = {}): Promise<AuditFields> {
  const entry: AuditFields = {
    id: randomUUID(),
    staffId: '00000000-0000-4000-8000-00000000a001',
    staffEmail: 'admin@example.com',
    action: 'user.disable',
    targetType: 'user',
    targetId: randomUUID(),
    reason: 'Asked by the person',
    changes: {},
    createdAt: '2026-03-01T12:00:00Z',
    ...fields,
  };
  await dataSource.query(
    `INSERT INTO audit_log (id, staff_id, staff_email, action, target_type, target_id, reason, changes, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      entry.id,
      entry.staffId,
      entry.staffEmail,
      entry.action,
      entry.targetType,
      entry.targetId,
      entry.reason,
      JSON.stringify(entry.changes),
      entry.createdAt,
    ],
  );
  return entry;
}
