import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Addresses are keyed with their domain in its one IDNA form, in ASCII (`x@bücher.example` and
 * `x@xn--bcher-kva.example` are one mailbox, so one account and one count against the per-address limits).
 * This moves the keys stored before that: users, staff, the links issued to them, the emails queued to them and
 * the per-address failure counters.
 *
 * Two stored rows may turn out to be one address. Rows are taken oldest first, and a row whose new key is taken
 * already keeps the key it has: the account stays as it was (reachable from the back office, no longer by its
 * address) and is named in the output, for someone to merge or delete by hand. Emails are moved whatever
 * happened to their account, as they count per mailbox.
 *
 * The mapping is copied here, as it is today, from libs/domain/src/users/ascii-domain.ts: a migration must read
 * the same forever, whatever the domain's code becomes.
 */
export class KeyAddressesByAsciiDomain1764686400000 implements MigrationInterface {
  name = 'KeyAddressesByAsciiDomain1764686400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // No account is added or renamed while keys move (readers go on; the lock lasts to the commit).
    await queryRunner.query(`LOCK TABLE users, staff_members IN SHARE ROW EXCLUSIVE MODE`);
    const left: string[] = [];
    for (const row of await keysToMove(queryRunner, 'users', 'id')) {
      const moved = await moveKey(queryRunner, 'users', row);
      if (!moved) {
        left.push(`user ${row.id} (${row.key})`);
        continue;
      }
      await queryRunner.query(
        `UPDATE confirmation_tokens SET email_normalized = $2 WHERE user_id = $1 AND email_normalized = $3`,
        [row.id, row.next, row.key],
      );
    }
    for (const row of await keysToMove(queryRunner, 'staff_members', 'id')) {
      if (!(await moveKey(queryRunner, 'staff_members', row))) left.push(`staff member ${row.id} (${row.key})`);
    }
    // Counters of failed attempts keyed by address: one whose new key is counted already is left to expire.
    for (const table of ['staff_sign_in_failures', 'confirmation_code_attempts']) {
      const [{ present }]: Array<{ present: boolean }> = await queryRunner.query(
        `SELECT to_regclass($1) IS NOT NULL AS present`,
        [table],
      );
      if (!present) continue;
      for (const row of await keysToMove(queryRunner, table, 'email_normalized'))
        await moveKey(queryRunner, table, row);
    }
    const recipients: Array<{ key: string }> = await queryRunner.query(
      `SELECT DISTINCT recipient_normalized AS key FROM email_outbox WHERE channel = 'email' AND recipient_normalized ~ $1`,
      [NEEDS_A_LOOK],
    );
    for (const { key } of recipients) {
      const next = normalizedAddress(key);
      if (next === key) continue;
      await queryRunner.query(
        `UPDATE email_outbox SET recipient_normalized = $2 WHERE channel = 'email' AND recipient_normalized = $1`,
        [key, next],
      );
    }
    for (const entry of left) {
      console.warn(
        `Migration ${this.name}: ${entry} keeps its old key, as an older account has the address's new key.`,
      );
    }
  }

  async down(): Promise<void> {
    // The keys before were lowercase spellings, not one form: nothing to go back to that would be more right.
  }
}

interface KeyToMove {
  /** The row's primary key (a counter's is its address). */
  id: string;
  key: string;
  next: string;
}

// A key whose domain (after the @) holds a non-ASCII character or an A-label, which may not be in its one form.
const NEEDS_A_LOOK = '@.*([^\x01-\x7f]|xn--)';

async function keysToMove(queryRunner: QueryRunner, table: string, id: string): Promise<KeyToMove[]> {
  const order = id === 'id' ? 'created_at, id' : 'email_normalized';
  const rows: Array<{ id: string; key: string }> = await queryRunner.query(
    `SELECT ${id}::text AS id, email_normalized AS key FROM ${table} WHERE email_normalized ~ $1 ORDER BY ${order}`,
    [NEEDS_A_LOOK],
  );
  return rows.map((row) => ({ ...row, next: normalizedAddress(row.key) })).filter((row) => row.next !== row.key);
}

/** Gives the row its new key unless another row has it; whether it did. */
async function moveKey(queryRunner: QueryRunner, table: string, row: KeyToMove): Promise<boolean> {
  const moved: unknown[] = await queryRunner.query(
    `WITH moved AS (
       UPDATE ${table} SET email_normalized = $2
        WHERE email_normalized = $1 AND NOT EXISTS (SELECT 1 FROM ${table} WHERE email_normalized = $2)
       RETURNING 1)
     SELECT * FROM moved`,
    [row.key, row.next],
  );
  return moved.length === 1;
}

function normalizedAddress(key: string): string {
  const at = key.lastIndexOf('@');
  return at < 0 ? key : `${key.slice(0, at)}@${asciiDomain(key.slice(at + 1))}`;
}

// From libs/domain/src/users/ascii-domain.ts.
const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 0x80;
const MAX_CODE_POINT = 0x10ffff;
const ACE_PREFIX = 'xn--';
const ASCII_ONLY = /^\p{ASCII}*$/u;
const KEPT = new Set(['\u00df', '\u0131']);
const FINAL_SIGMA = '\u03c2';
const CHEROKEE = /[\u13a0-\u13fd\uab70-\uabbf]/u;
const UNICODE_LABEL = /^[\p{L}\p{N}\p{M}-]+$/u;

function asciiDomain(domain: string): string {
  return domain.split('.').map(asciiLabel).join('.');
}

function asciiLabel(label: string): string {
  const ace = label.slice(0, ACE_PREFIX.length).toLowerCase() === ACE_PREFIX;
  // Most labels: IDNA maps plain ASCII to its lowercase.
  if (!ace && ASCII_ONLY.test(label)) return label.toLowerCase();
  let unicode = label;
  if (ace) {
    const decoded = decode(label.slice(ACE_PREFIX.length));
    // An A-label that decodes to plain ASCII, or to what no domain label holds, is not one IDNA would write.
    if (decoded === undefined || ASCII_ONLY.test(decoded) || !UNICODE_LABEL.test(decoded)) return label.toLowerCase();
    unicode = decoded;
  }
  const mapped = Array.from(unicode, idnaMapping).join('').normalize('NFC');
  return ASCII_ONLY.test(mapped) ? mapped : ACE_PREFIX + encode(mapped);
}

/**
 * What IDNA maps one character to: its compatibility form (NFKC: `ｂ` is `b`, `ﬆ` is `st`), case-folded. `ς` is
 * kept as typed (IDNA 2008 tells it from `σ`), though the symbols that are compatibility forms of it fold to `σ`.
 */
function idnaMapping(char: string): string {
  return char === FINAL_SIGMA ? char : Array.from(char.normalize('NFKC'), caseFold).join('');
}

/**
 * Unicode's full case folding, which IDNA uses and JavaScript has no call for, from its case mappings: upper then
 * lower makes `ᾀ` `ἀι` and `ϲ` `σ`, letter by letter so that a final `Σ` is `σ` as well. Cherokee folds to
 * capitals. `ß` stays (IDNA 2008 keeps it; upper then lower would make it `ss`), as does `ı` (its capital is
 * `I`); `ẞ` is `ss`.
 */
function caseFold(char: string): string {
  if (KEPT.has(char)) return char;
  if (char === '\u1e9e') return 'ss';
  if (CHEROKEE.test(char)) return char.toUpperCase();
  return char.toUpperCase().toLowerCase();
}

function threshold(k: number, bias: number): number {
  return k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
}

function adapt(delta: number, points: number, first: boolean): number {
  let d = first ? Math.floor(delta / DAMP) : Math.floor(delta / 2);
  d += Math.floor(d / points);
  let k = 0;
  while (d > ((BASE - T_MIN) * T_MAX) / 2) {
    d = Math.floor(d / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * d) / (d + SKEW));
}

/** 0-25 are a-z, 26-35 are 0-9. */
function digitChar(digit: number): string {
  return String.fromCharCode(digit < 26 ? 0x61 + digit : 0x30 + digit - 26);
}

function digitValue(code: number): number | undefined {
  if (code >= 0x30 && code <= 0x39) return code - 0x30 + 26;
  if (code >= 0x41 && code <= 0x5a) return code - 0x41;
  if (code >= 0x61 && code <= 0x7a) return code - 0x61;
  return undefined;
}

function encode(label: string): string {
  const points = Array.from(label, (char) => char.codePointAt(0) ?? 0);
  let output = points
    .filter((point) => point < INITIAL_N)
    .map((point) => String.fromCharCode(point))
    .join('');
  const basic = output.length;
  if (basic > 0) output += '-';
  let handled = basic;
  let n = INITIAL_N;
  let delta = 0;
  let bias = INITIAL_BIAS;
  while (handled < points.length) {
    const next = Math.min(...points.filter((point) => point >= n));
    delta += (next - n) * (handled + 1);
    n = next;
    for (const point of points) {
      if (point < n) delta += 1;
      if (point !== n) continue;
      let q = delta;
      for (let k = BASE; ; k += BASE) {
        const t = threshold(k, bias);
        if (q < t) break;
        output += digitChar(t + ((q - t) % (BASE - t)));
        q = Math.floor((q - t) / (BASE - t));
      }
      output += digitChar(q);
      bias = adapt(delta, handled + 1, handled === basic);
      delta = 0;
      handled += 1;
    }
    delta += 1;
    n += 1;
  }
  return output;
}

function decode(input: string): string | undefined {
  const delimiter = input.lastIndexOf('-');
  const points: number[] = [];
  for (let j = 0; j < Math.max(0, delimiter); j += 1) {
    const code = input.charCodeAt(j);
    if (code >= INITIAL_N) return undefined;
    points.push(code);
  }
  let n = INITIAL_N;
  let i = 0;
  let bias = INITIAL_BIAS;
  for (let index = delimiter > 0 ? delimiter + 1 : 0; index < input.length;) {
    const before = i;
    let weight = 1;
    for (let k = BASE; ; k += BASE) {
      if (index >= input.length) return undefined;
      const digit = digitValue(input.charCodeAt(index));
      index += 1;
      if (digit === undefined) return undefined;
      i += digit * weight;
      const t = threshold(k, bias);
      if (digit < t) break;
      weight *= BASE - t;
      if (i > MAX_CODE_POINT * (points.length + 1)) return undefined;
    }
    bias = adapt(i - before, points.length + 1, before === 0);
    n += Math.floor(i / (points.length + 1));
    i %= points.length + 1;
    if (n > MAX_CODE_POINT || (n >= 0xd800 && n <= 0xdfff)) return undefined;
    points.splice(i, 0, n);
    i += 1;
  }
  return String.fromCodePoint(...points);
}
