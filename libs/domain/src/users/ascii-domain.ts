// Punycode (RFC 3492) with IDNA's parameters, written out because the domain imports neither packages nor Node
// built-ins. migrations/1764686400000-key-addresses-by-ascii-domain.ts carries a copy of its own (a migration must read
// the same forever); ascii-domain.spec.ts checks this one against Node's domainToASCII.
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

/**
 * The one form of a domain that every spelling of it shares: each label mapped as IDNA maps it (compatibility
 * forms folded, NFKC, lowercased) and written in ASCII, `bücher.example`, `BÜCHER.example` and
 * `xn--bcher-kva.example` all being `xn--bcher-kva.example`. A label that is not valid punycode is kept,
 * lowercased: it cannot be any other spelling's form.
 */
export function asciiDomain(domain: string): string {
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
