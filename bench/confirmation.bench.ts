import { HmacSha256TokenDigester } from '@gatehouse/infrastructure/security/hmac-sha256.token-digester';
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Pool, type PoolClient } from 'pg';
import type { ApiProcess } from './api-process';
import { load, type LoadResult } from './load';

export interface ConfirmationSettings {
  databaseUrl: string;
  appSecret: string;
  /** Confirmations in each measured run (each uses a token of its own). */
  confirmations: number;
  /** Requests in flight at once, for the API and for the bare client alike. */
  concurrency: number;
  /** The API's DATABASE_POOL_SIZE, used for the bare client's pool too. */
  poolSize: number;
}

export interface ConfirmationFigures {
  api: LoadResult;
  /** Transactions per second of the bare client running the same statements. */
  barePerSecond: number;
}

/** The 43-character secret of the n-th seeded token (what a confirmation link carries). */
function tokenSecret(run: string, n: number): string {
  return createHash('sha256').update(`${run}:${n}`).digest('base64url');
}

/**
 * Pending users with one outstanding token each, as sign-ups leave them: users in one INSERT ... SELECT
 * generate_series, tokens (digested with the API's own digester and APP_SECRET) in one INSERT ... unnest.
 */
async function seed(pool: Pool, digester: HmacSha256TokenDigester, run: string, count: number): Promise<void> {
  const digests = Array.from({ length: count }, (_, i) => digester.digest(tokenSecret(run, i + 1)));
  await pool.query(
    `INSERT INTO users (id, email, email_normalized, password_hash, status, locale, created_at, confirmed_at, updated_at)
     SELECT md5($1 || ':user:' || n)::uuid, e, e, 'not-a-hash', 'pending', 'en', now(), NULL, now()
       FROM (SELECT n, 'confirm-' || $1 || '-' || n || '@example.com' AS e FROM generate_series(1, $2::int) AS n) AS s`,
    [run, count],
  );
  await pool.query(
    `INSERT INTO confirmation_tokens (id, user_id, email_normalized, purpose, digest, issued_at, expires_at)
     SELECT md5($1 || ':token:' || n)::uuid, md5($1 || ':user:' || n)::uuid, 'confirm-' || $1 || '-' || n || '@example.com',
            'email_confirmation', digest, now(), now() + interval '1 day'
       FROM unnest($2::text[]) WITH ORDINALITY AS d(digest, n)`,
    [run, digests],
  );
  await pool.query('ANALYZE users');
  await pool.query('ANALYZE confirmation_tokens');
}

// The statements ConfirmEmail issues through TypeORM for a usable token, word for word (logged with
// `logging: ['query']`): the bare client sends the same text, so PostgreSQL does the same work for both.
const SELECT_TOKEN = `SELECT "ConfirmationTokenRecord"."id" AS "ConfirmationTokenRecord_id", "ConfirmationTokenRecord"."user_id" AS "ConfirmationTokenRecord_user_id", "ConfirmationTokenRecord"."email_normalized" AS "ConfirmationTokenRecord_email_normalized", "ConfirmationTokenRecord"."purpose" AS "ConfirmationTokenRecord_purpose", "ConfirmationTokenRecord"."digest" AS "ConfirmationTokenRecord_digest", "ConfirmationTokenRecord"."issued_at" AS "ConfirmationTokenRecord_issued_at", "ConfirmationTokenRecord"."expires_at" AS "ConfirmationTokenRecord_expires_at", "ConfirmationTokenRecord"."used_at" AS "ConfirmationTokenRecord_used_at", "ConfirmationTokenRecord"."superseded_at" AS "ConfirmationTokenRecord_superseded_at", "ConfirmationTokenRecord"."code_digest" AS "ConfirmationTokenRecord_code_digest", "ConfirmationTokenRecord"."failed_code_attempts" AS "ConfirmationTokenRecord_failed_code_attempts" FROM "confirmation_tokens" "ConfirmationTokenRecord" WHERE (("ConfirmationTokenRecord"."digest" = $1)) LIMIT 1`;
const SELECT_USER = `SELECT "user"."id" AS "user_id", "user"."email" AS "user_email", "user"."email_normalized" AS "user_email_normalized", "user"."password_hash" AS "user_password_hash", "user"."status" AS "user_status", "user"."locale" AS "user_locale", "user"."created_at" AS "user_created_at", "user"."confirmed_at" AS "user_confirmed_at", "user"."updated_at" AS "user_updated_at" FROM "users" "user" WHERE "user"."id" = $1 FOR UPDATE`;
const CONSUME = `UPDATE "confirmation_tokens" SET "used_at" = $1 WHERE ("id" = $2 AND "used_at" IS NULL AND "superseded_at" IS NULL)`;
const SUPERSEDE = `UPDATE "confirmation_tokens" SET "superseded_at" = $1 WHERE ("user_id" = $2 AND "used_at" IS NULL AND "superseded_at" IS NULL)`;
const SAVE_USER = `UPDATE "users" SET "email" = $1, "email_normalized" = $2, "password_hash" = $3, "status" = $4, "locale" = $5, "created_at" = $6, "confirmed_at" = $7, "updated_at" = $8 WHERE "id" = $9`;

interface TokenRow {
  ConfirmationTokenRecord_id: string;
  ConfirmationTokenRecord_user_id: string;
}
interface UserRow {
  user_email: string;
  user_email_normalized: string;
  user_password_hash: string;
  user_locale: string;
  user_created_at: Date;
}

/** One confirmation as the use case performs it, minus everything but the SQL. */
async function confirmBare(client: PoolClient, digest: string): Promise<void> {
  await client.query('START TRANSACTION');
  try {
    const token = (await client.query<TokenRow>(SELECT_TOKEN, [digest])).rows[0];
    if (!token) throw new Error('A seeded token was not found.');
    const user = (await client.query<UserRow>(SELECT_USER, [token.ConfirmationTokenRecord_user_id])).rows[0];
    const now = new Date();
    const consumed = await client.query(CONSUME, [now, token.ConfirmationTokenRecord_id]);
    if (consumed.rowCount !== 1) throw new Error('A seeded token was already used.');
    await client.query(SUPERSEDE, [now, token.ConfirmationTokenRecord_user_id]);
    await client.query(SAVE_USER, [
      user.user_email,
      user.user_email_normalized,
      user.user_password_hash,
      'active',
      user.user_locale,
      user.user_created_at,
      now,
      now,
      token.ConfirmationTokenRecord_user_id,
    ]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

async function bare(pool: Pool, digests: string[], concurrency: number): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < digests.length; i = next++) {
        const client = await pool.connect();
        try {
          await confirmBare(client, digests[i]);
        } finally {
          client.release();
        }
      }
    }),
  );
  return digests.length / ((performance.now() - started) / 1000);
}

/**
 * POST /api/confirmations with a new valid token each time, against a bare `pg` Pool sending the same
 * statements at the same concurrency: what the HTTP layer, NestJS, validation, the domain and TypeORM cost
 * on top of the database work itself.
 */
export async function benchConfirmation(api: ApiProcess, settings: ConfirmationSettings): Promise<ConfirmationFigures> {
  const run = `c${process.pid}${Date.now().toString(36)}`;
  const digester = new HmacSha256TokenDigester(settings.appSecret);
  const warmUp = Math.max(100, Math.round(settings.confirmations / 10));
  const pool = new Pool({ connectionString: settings.databaseUrl, max: settings.poolSize });
  try {
    await seed(pool, digester, run, 2 * (warmUp + settings.confirmations));
    // Tokens are handed out in order; each is used once, by the API or by the bare client.
    let used = 0;
    const apiRun = async (count: number) => {
      const last = used + count;
      const result = await load({
        baseUrl: api.baseUrl,
        path: '/api/confirmations',
        body: () => ({ token: tokenSecret(run, Math.min(++used, last)) }),
        expectStatus: 200,
        connections: settings.concurrency,
        amount: count,
      });
      used = last;
      return result;
    };
    const bareRun = (count: number) => {
      const digests = Array.from({ length: count }, () => digester.digest(tokenSecret(run, ++used)));
      return bare(pool, digests, settings.concurrency);
    };
    // Warm-up for both: JIT, every pooled connection opened, the tables' pages in memory.
    await apiRun(warmUp);
    const apiResult = await apiRun(settings.confirmations);
    await bareRun(warmUp);
    const barePerSecond = await bareRun(settings.confirmations);
    return { api: apiResult, barePerSecond };
  } finally {
    await pool.end();
  }
}
