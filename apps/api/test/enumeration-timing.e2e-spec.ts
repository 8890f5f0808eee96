import { performance } from 'node:perf_hooks';
import { SETTINGS } from '../src/config/app-config';
import { postJson, type TestApp, useTestApp } from './support/test-app';

const PASSWORD = 'correct horse battery staple';
const ROUNDS = 50;
const WARM_UP_ROUNDS = 3;
const CASES = ['new', 'pending', 'active'] as const;
type Case = (typeof CASES)[number];

interface Sample {
  status: number;
  body: string;
  ms: number;
}

/** A setting as production runs it, whatever the test apps' defaults. */
function productionDefault(variable: string): string {
  const fallback = SETTINGS.find((setting) => setting.variable === variable)?.fallback;
  if (typeof fallback !== 'string') throw new Error(`${variable} has no fixed default`);
  return fallback;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * No account enumeration through timing: a new, a pending and an active address are answered alike and
 * in the same time on sign-up and on resend, because both answer no sooner than a fixed time after the
 * request began (SIGNUP_MIN_RESPONSE_TIME, which also covers hashing the password on every path, and
 * RESEND_MIN_RESPONSE_TIME). The cases take turns, round after round in a rotating order, so whatever else
 * the machine is doing slows them all alike, and medians shrug off the odd slow request.
 */
describe('Sign-up, resend and a code take as long for new, pending and active addresses', () => {
  // As production runs: its hashing, answer times and per-address email limits; only the per-IP limits are
  // out of the way, as every request comes from 127.0.0.1.
  const running = useTestApp(
    Object.fromEntries(
      [
        'ARGON2_MEMORY_KIB',
        'ARGON2_TIME_COST',
        'SIGNUP_MIN_RESPONSE_TIME',
        'RESEND_MIN_RESPONSE_TIME',
        'CONFIRM_CODE_MIN_RESPONSE_TIME',
        'EMAIL_COOLDOWN',
        'EMAIL_LIMIT_PER_ADDRESS',
      ].map((variable) => [variable, productionDefault(variable)]),
    ),
  );
  let gatehouse: TestApp;
  const pending: string[] = [];
  const active: string[] = [];

  beforeAll(async () => {
    ({ gatehouse } = running);
    const addresses = Array.from({ length: (ROUNDS + WARM_UP_ROUNDS) * 2 }, (_, n) => `known-${n}@example.com`);
    for (let start = 0; start < addresses.length; start += 4) {
      await Promise.all(
        addresses
          .slice(start, start + 4)
          .map((email) => postJson(gatehouse.baseUrl, '/api/registrations', { email, password: PASSWORD })),
      );
    }
    pending.push(...addresses.filter((_, n) => n % 2 === 0));
    active.push(...addresses.filter((_, n) => n % 2 === 1));
    await gatehouse.db.query(`UPDATE users SET status = 'active', confirmed_at = now() WHERE email = ANY($1::text[])`, [
      active,
    ]);
  });

  async function measure(path: string, bodyFor: (which: Case, round: number) => unknown) {
    const samples: Record<Case, Sample[]> = { new: [], pending: [], active: [] };
    for (let round = 0; round < ROUNDS + WARM_UP_ROUNDS; round += 1) {
      const order = CASES.map((_, n) => CASES[(n + round) % CASES.length]);
      for (const which of order) {
        const startedAt = performance.now();
        const answer = await postJson(gatehouse.baseUrl, path, bodyFor(which, round));
        const ms = performance.now() - startedAt;
        if (round >= WARM_UP_ROUNDS) samples[which].push({ status: answer.status, body: answer.text, ms });
      }
    }
    return samples;
  }

  function expectAlike(samples: Record<Case, Sample[]>, status: number) {
    const answers = new Set(
      CASES.flatMap((which) => samples[which].map((sample) => `${sample.status} ${sample.body}`)),
    );
    expect([...answers]).toHaveLength(1);
    expect([...answers][0]).toMatch(new RegExp(`^${status} `));
    const medians = Object.fromEntries(CASES.map((which) => [which, median(samples[which].map((s) => s.ms))]));
    const spread = Math.max(...Object.values(medians)) / Math.min(...Object.values(medians));
    // The medians, for the record when this fails: which case stands out, by how much.
    expect({ medians, withinTenPercent: spread <= 1.1 }).toEqual({ medians, withinTenPercent: true });
    for (const which of CASES) expect(samples[which]).toHaveLength(ROUNDS);
  }

  it(`sign-up: same status, body and median time over ${ROUNDS} requests each`, async () => {
    const samples = await measure('/api/registrations', (which, round) => ({
      email: which === 'new' ? `new-${round}@example.com` : (which === 'pending' ? pending : active)[round],
      password: PASSWORD,
    }));
    expectAlike(samples, 202);
  });

  it(`resend: same status, body and median time over ${ROUNDS} requests each`, async () => {
    const samples = await measure('/api/registrations/resend', (which, round) => ({
      email: which === 'new' ? `unknown-${round}@example.com` : (which === 'pending' ? pending : active)[round],
    }));
    expectAlike(samples, 202);
  });

  it(`a wrong code: same status, body and median time over ${ROUNDS} requests each`, async () => {
    const samples = await measure('/api/confirmations/code', (which, round) => ({
      email: which === 'new' ? `unknown-code-${round}@example.com` : (which === 'pending' ? pending : active)[round],
      code: '000000',
    }));
    expectAlike(samples, 400);
  });
});
