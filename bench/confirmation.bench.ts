import { HmacSha256TokenDigester } from '@gatehouse/infrastructure/security/hmac-sha256.token-digester';
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import type { ApiProcess } from './api-process';
import { addCpu, measureCpu, NO_CPU, type CpuShares } from './cpu-meter';
import { combine, load, type LoadResult } from './load';

export interface ConfirmationSettings {
  databaseUrl: string;
  appSecret: string;
  /** Confirmations by each side in all (each uses a token of its own). */
  confirmations: number;
  /** Slices each side's confirmations are cut into, the two sides taking turns. */
  rounds: number;
  /** Requests in flight at once, for the API and for the bare client alike. */
  concurrency: number;
  /** The API's DATABASE_POOL_SIZE, used for the bare client's pool too. */
  poolSize: number;
}

export interface ConfirmationFigures {
  api: LoadResult;
  /** Confirmations per second of the bare client running the one statement a confirmation needs at least. */
  barePerSecond: number;
  /** CPU spent during the measured turns, each side's confirmations apart. */
  apiCpu: CpuShares;
  bareCpu: CpuShares;
  /** Confirmations each side made during the measured turns. */
  measured: { api: number; bare: number };
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

/** One seeded pending account's token: its secret (what a link carries), digest and ids. */
interface SeededToken {
  secret: string;
  digest: string;
  tokenId: string;
  userId: string;
  email: string;
}
function md5Uuid(text: string): string {
  const hex = createHash('md5').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The least any correct confirmation must do, in one statement: use the token (only while unused, not
 * superseded and unexpired) and activate its account. What the database can do for a confirmation, whatever
 * Gatehouse's code does: the limit the API is measured against.
 */
const SINGLE_STATEMENT_CONFIRMATION = `
  WITH used AS (
    UPDATE confirmation_tokens SET used_at = now()
     WHERE digest = $1 AND used_at IS NULL AND superseded_at IS NULL AND expires_at > now()
    RETURNING user_id
  )
  UPDATE users SET status = 'active', confirmed_at = now(), updated_at = now()
   WHERE id IN (SELECT user_id FROM used) AND status = 'pending'`;

async function bare(pool: Pool, digests: string[], concurrency: number): Promise<{ count: number; seconds: number }> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < digests.length; i = next++) {
        const { rowCount } = await pool.query(SINGLE_STATEMENT_CONFIRMATION, [digests[i]]);
        if (rowCount !== 1) throw new Error('The bare client found a token it could not use.');
      }
    }),
  );
  return { count: digests.length, seconds: (performance.now() - started) / 1000 };
}

/**
 * POST /api/confirmations with a new valid token each time, against a bare `pg` Pool running the one statement
 * any confirmation needs at least (SINGLE_STATEMENT_CONFIRMATION), at the same concurrency and with a pool of
 * the same size: everything Gatehouse does on top of what the database must do. Each side confirms its own
 * tokens; afterwards every one must be used.
 */
export async function benchConfirmation(api: ApiProcess, settings: ConfirmationSettings): Promise<ConfirmationFigures> {
  const run = `c${process.pid}${Date.now().toString(36)}`;
  const digester = new HmacSha256TokenDigester(settings.appSecret);
  const seeded = (n: number): SeededToken => {
    const secret = tokenSecret(run, n);
    return {
      secret,
      digest: digester.digest(secret),
      tokenId: md5Uuid(`${run}:token:${n}`),
      userId: md5Uuid(`${run}:user:${n}`),
      email: `confirm-${run}-${n}@example.com`,
    };
  };
  const warmUp = Math.max(100, Math.round(settings.confirmations / 10));
  const total = 2 * (warmUp + Math.ceil(settings.confirmations / settings.rounds) * settings.rounds);
  const pool = new Pool({ connectionString: settings.databaseUrl, max: settings.poolSize });
  try {
    await seed(pool, digester, run, total);
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
    const bareRun = (count: number) =>
      bare(
        pool,
        Array.from({ length: count }, () => seeded(++used).digest),
        settings.concurrency,
      );
    // Warm-up for both: JIT, every pooled connection opened, the tables' pages in memory.
    await apiRun(warmUp);
    await bareRun(warmUp);
    // Then turns, so a machine that gets busier or quieter during the run moves both sides alike.
    const slice = Math.ceil(settings.confirmations / settings.rounds);
    const apiSlices: LoadResult[] = [];
    const bareTotal = { count: 0, seconds: 0 };
    let apiCpu = NO_CPU;
    let bareCpu = NO_CPU;
    const apiTurn = async () => {
      const turn = await measureCpu(api.pid, () => apiRun(slice));
      apiSlices.push(turn.result);
      apiCpu = addCpu(apiCpu, turn.cpu);
    };
    const bareTurn = async () => {
      const turn = await measureCpu(api.pid, () => bareRun(slice));
      bareCpu = addCpu(bareCpu, turn.cpu);
      bareTotal.count += turn.result.count;
      bareTotal.seconds += turn.result.seconds;
    };
    // Each side goes first every other round: whatever the machine or PostgreSQL does after a turn (vacuuming
    // what it left, say) falls on both sides alike.
    for (let round = 0; round < settings.rounds; round += 1) {
      for (const turn of round % 2 ? [bareTurn, apiTurn] : [apiTurn, bareTurn]) await turn();
    }
    // Both sides did the whole work: every token used once, every user active.
    const { rows } = await pool.query<{ used: number; active: number }>(
      `SELECT (SELECT count(*)::int FROM confirmation_tokens WHERE used_at IS NOT NULL AND email_normalized LIKE $1) AS used,
              (SELECT count(*)::int FROM users WHERE status = 'active' AND email LIKE $1) AS active`,
      [`confirm-${run}-%`],
    );
    if (rows[0].used !== total || rows[0].active !== total) {
      throw new Error(`Expected ${total} confirmed tokens and users, found ${rows[0].used} and ${rows[0].active}.`);
    }
    return {
      api: combine(apiSlices),
      barePerSecond: bareTotal.count / bareTotal.seconds,
      apiCpu,
      bareCpu,
      measured: { api: slice * settings.rounds, bare: bareTotal.count },
    };
  } finally {
    await pool.end();
  }
}
