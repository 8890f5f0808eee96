import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { encodeKeysetCursor } from '../apps/api/src/admin/queries/keyset.cursor';
import type { ApiProcess } from './api-process';
import { load, type LoadResult } from './load';

export interface BackOfficeSettings {
  databaseUrl: string;
  users: number;
  /** Seconds of each measured run. */
  seconds: number;
  staffEmail: string;
  staffPassword: string;
}

export interface BackOfficeFigures {
  users: number;
  seedSeconds: number;
  firstPage: LoadResult;
  deepPage: LoadResult;
  deepPosition: number;
  search: LoadResult;
  searchFor: string;
  searchMatches: number;
}

const FIRST_NAMES = ['ada', 'alan', 'grace', 'edsger', 'barbara', 'donald', 'margaret', 'ken', 'dennis', 'frances'];
const LAST_NAMES = ['lovelace', 'turing', 'hopper', 'dijkstra', 'liskov', 'knuth', 'hamilton', 'thompson', 'ritchie'];
const DOMAINS = ['example.com', 'example.org', 'mail.example.net', 'example.de', 'corp.example'];
// Unconfirmed accounts are removed after PENDING_ACCOUNT_TTL (7 days): only the last week's are pending.
const PENDING_FOR = '7 days';

/** The address of the n-th seeded user: the seed's SQL builds the same one. */
function addressOf(n: number): string {
  return `${FIRST_NAMES[n % FIRST_NAMES.length]}.${LAST_NAMES[n % LAST_NAMES.length]}.${n}@${DOMAINS[n % DOMAINS.length]}`;
}

const SEED_SQL = `
  INSERT INTO users (id, email, email_normalized, password_hash, status, locale, created_at, confirmed_at, updated_at)
  SELECT md5($1 || n)::uuid, email, email, $2,
         CASE WHEN created_at > now() - $5::interval THEN 'pending'
              WHEN n % 20 = 0 THEN 'disabled' ELSE 'active' END,
         CASE WHEN n % 5 = 0 THEN 'de' ELSE 'en' END,
         created_at,
         CASE WHEN created_at > now() - $5::interval THEN NULL ELSE created_at + interval '1 hour' END,
         created_at + interval '1 hour'
    FROM (SELECT n,
                 ($6::text[])[1 + n % array_length($6::text[], 1)] || '.' ||
                 ($7::text[])[1 + n % array_length($7::text[], 1)] || '.' || n || '@' ||
                 ($8::text[])[1 + n % array_length($8::text[], 1)] AS email,
                 -- One sign-up a minute, the newest a minute ago: two years of a steady service.
                 now() - ($3::int + 1 - n) * interval '1 minute' AS created_at
            FROM generate_series(1, $4::int) AS n) AS s`;

// Every user got a confirmation email, long since sent: the list shows each one's latest.
const SEED_EMAILS_SQL = `
  INSERT INTO email_outbox (id, user_id, template, locale, recipient, recipient_normalized, state, attempts,
                            next_attempt_at, message_id, smtp_response, created_at, sent_at)
  SELECT md5('email:' || u.id)::uuid, u.id, 'confirmation', u.locale, u.email, u.email_normalized, 'sent', 1,
         u.created_at, '<' || u.id || '@example.com>', '250 OK', u.created_at, u.created_at + interval '1 second'
    FROM users u
   WHERE u.id = ANY (SELECT md5($1 || n)::uuid FROM generate_series(1, $2::int) AS n)`;

/**
 * `users` more users (and one sent email each) in one INSERT ... SELECT generate_series per table. The
 * tables' secondary indexes are dropped for the load and rebuilt afterwards from their own definitions, as
 * pg_restore does: building an index once is far faster than growing it a row at a time. Then VACUUM ANALYZE.
 */
async function seed(databaseUrl: string, users: number): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: indexes } = await client.query<{ name: string; definition: string }>(
      `SELECT i.indexname AS name, i.indexdef AS definition
         FROM pg_indexes i JOIN pg_class c ON c.relname = i.indexname JOIN pg_index x ON x.indexrelid = c.oid
        WHERE i.schemaname = current_schema() AND i.tablename IN ('users', 'email_outbox') AND NOT x.indisunique`,
    );
    for (const index of indexes) await client.query(`DROP INDEX ${quoteIdentifier(index.name)}`);
    try {
      await client.query(SEED_SQL, [
        'seed:',
        '$argon2id$v=19$m=19456,t=2,p=1$c2VlZHNlZWRzZWVkc2VlZA$c2VlZHNlZWRzZWVkc2VlZHNlZWRzZWVkc2VlZHNlZWQ',
        users,
        users,
        PENDING_FOR,
        FIRST_NAMES,
        LAST_NAMES,
        DOMAINS,
      ]);
      await client.query(SEED_EMAILS_SQL, ['seed:', users]);
    } finally {
      await client.query(`SET maintenance_work_mem = '256MB'`);
      for (const index of indexes) await client.query(index.definition);
    }
    await client.query('VACUUM ANALYZE users');
    await client.query('VACUUM ANALYZE email_outbox');
  } finally {
    await client.end();
  }
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

async function signIn(api: ApiProcess, email: string, password: string): Promise<string> {
  const response = await fetch(`${api.baseUrl}/api/admin/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (response.status !== 200 || !cookie) throw new Error(`Staff sign-in failed: ${response.status}.`);
  return cookie;
}

/** The cursor a client would hold after paging down to `position` (0 = newest) in the default order. */
async function cursorAt(databaseUrl: string, position: number): Promise<string> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ created_at: string; id: string }>(
      `SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at, id
         FROM users ORDER BY created_at DESC, id DESC OFFSET $1 LIMIT 1`,
      [position],
    );
    if (!rows[0]) throw new Error(`No user at position ${position}.`);
    return encodeKeysetCursor({ createdAt: rows[0].created_at, id: rows[0].id });
  } finally {
    await client.end();
  }
}

/**
 * The back office's users list on a large table, as one staff member clicks through it (one request at a
 * time, signed in with a real session cookie): the first page, a page deep down by keyset cursor, and a
 * search for part of one person's address.
 */
export async function benchBackOffice(api: ApiProcess, settings: BackOfficeSettings): Promise<BackOfficeFigures> {
  const started = performance.now();
  await seed(settings.databaseUrl, settings.users);
  const seedSeconds = (performance.now() - started) / 1000;

  const cookie = await signIn(api, settings.staffEmail, settings.staffPassword);
  const deepPosition = Math.floor(settings.users * 0.9);
  const cursor = await cursorAt(settings.databaseUrl, deepPosition);
  // Part of one person's address, typed without the domain: "lovelace.500000".
  const person = Math.floor(settings.users / 2);
  const searchFor = addressOf(person).split('@')[0].split('.').slice(1).join('.');
  const list = (query: string) =>
    load({
      baseUrl: api.baseUrl,
      path: `/api/admin/users${query}`,
      headers: { cookie },
      connections: 1,
      seconds: settings.seconds,
      expectStatus: 200,
    });

  // Warm-up: one pass over each, so the measured runs start with the indexes' upper pages in memory.
  for (const query of ['', `?cursor=${cursor}`, `?q=${encodeURIComponent(searchFor)}`]) {
    const response = await fetch(`${api.baseUrl}/api/admin/users${query}`, { headers: { cookie } });
    if (response.status !== 200) throw new Error(`GET /api/admin/users${query}: ${response.status}.`);
  }
  const matches = await fetch(`${api.baseUrl}/api/admin/users?q=${encodeURIComponent(searchFor)}`, {
    headers: { cookie },
  }).then((response) => response.json() as Promise<{ total: number }>);

  const firstPage = await list('');
  const deepPage = await list(`?cursor=${cursor}`);
  const search = await list(`?q=${encodeURIComponent(searchFor)}`);
  return {
    users: settings.users,
    seedSeconds,
    firstPage,
    deepPage,
    deepPosition,
    search,
    searchFor,
    searchMatches: matches.total,
  };
}
