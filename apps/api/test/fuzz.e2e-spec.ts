import fc from 'fast-check';
import { postForm, postJson, type TestApp, useTestApp } from './support/test-app';

const RUNS = 2000;

/** Anything JSON can carry, and strings that break naive code: SQL, markup, control and astral characters. */
const nasty = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.constantFrom(
    "' OR '1'='1",
    '"; DROP TABLE users; --',
    '<script>alert(1)</script>',
    '\u0000',
    '%00',
    '{{7*7}}',
    '${7*7}',
    '😀'.repeat(70),
  ),
  fc.emailAddress(),
);
const anyJson = fc.oneof(
  nasty,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(nasty, { maxLength: 3 }),
  fc.dictionary(fc.string(), nasty, { maxKeys: 3 }),
);

/** A body shaped roughly like the endpoint's, with any of its fields wrong, missing or extra. */
const bodyFor = (fields: string[]) =>
  fc.oneof(
    fc.record(Object.fromEntries(fields.map((field) => [field, fc.option(anyJson, { nil: undefined })]))),
    fc.record({ ...Object.fromEntries(fields.map((field) => [field, nasty])), extra: anyJson }, { requiredKeys: [] }),
    anyJson,
  );

describe('Property-based fuzzing of every public endpoint: never a 5xx, the database intact', () => {
  // Cheap hashing keeps 2,000 sign-ups inside the time budget; the rules under test do not depend on it.
  const running = useTestApp({ ARGON2_MEMORY_KIB: '1024', ARGON2_TIME_COST: '1', EMAIL_COOLDOWN: '0s' });
  let gatehouse: TestApp;
  beforeAll(() => ({ gatehouse } = running));

  const tables = async () =>
    (
      await gatehouse.db.query(
        `SELECT (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM users WHERE status NOT IN ('pending', 'active', 'disabled'))::int AS bad_status`,
      )
    ).rows[0] as { users: number; bad_status: number };

  it.each([
    ['/api/registrations', ['email', 'password']],
    ['/api/registrations/resend', ['email']],
    ['/api/confirmations', ['token']],
    ['/api/confirmations/code', ['email', 'code']],
  ])(`POST %s answers every body with 2xx or 4xx (${RUNS} cases)`, async (path, fields) => {
    await fc.assert(
      fc.asyncProperty(bodyFor(fields as string[]), async (body) => {
        const response = await postJson(
          gatehouse.baseUrl,
          path as string,
          body === undefined ? '' : JSON.stringify(body),
        );
        return response.status < 500 && response.json !== undefined;
      }),
      { numRuns: RUNS },
    );
    expect((await tables()).bad_status).toBe(0);
  });

  it.each([
    ['/api/registrations', ['email', 'password']],
    ['/api/registrations/resend', ['email']],
    ['/api/confirmations', ['token']],
    ['/api/confirmations/code', ['email', 'code']],
  ])(
    `POST %s refuses deep nesting and control characters in any field with a 400 naming it (300 cases)`,
    async (path, fields) => {
      const names = fields as string[];
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...names),
          fc.oneof(
            fc.integer({ min: 33, max: 5000 }).map((levels) => ({ deep: levels })),
            fc
              .tuple(
                fc.string({ maxLength: 20 }),
                fc.constantFrom('\u0000', '\u0001', '\u001b', '\u007f', '\ud800'),
                fc.string({ maxLength: 20 }),
              )
              .map(([before, control, after]) => ({ text: `${before}${control}${after}` })),
          ),
          async (field, bad) => {
            const others = Object.fromEntries(names.filter((name) => name !== field).map((name) => [name, 'x']));
            const body =
              'deep' in bad
                ? `{"${field}": ${'['.repeat(bad.deep)}1${']'.repeat(bad.deep)}}`
                : JSON.stringify({ ...others, [field]: bad.text });
            const response = await postJson(gatehouse.baseUrl, path as string, body);
            const named = (response.json?.errors as Array<{ field: string }> | undefined)?.map((error) => error.field);
            return response.status === 400 && (named?.includes('deep' in bad ? 'body' : field) ?? false);
          },
        ),
        { numRuns: 300 },
      );
    },
  );

  it.each([
    ['/register', ['email', 'password']],
    ['/resend', ['email']],
    ['/confirm', ['token']],
    ['/confirm/code', ['email', 'code']],
  ])(`POST %s (form) answers every submission with a page, never a 5xx (${RUNS} cases)`, async (path, fields) => {
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          Object.fromEntries(
            (fields as string[]).map((field) => [field, fc.string({ unit: 'binary', maxLength: 300 })]),
          ),
        ),
        async (form) => {
          const response = await postForm(gatehouse.baseUrl, path as string, form as Record<string, string>);
          return response.status < 500 && response.html.includes('</html>');
        },
      ),
      { numRuns: RUNS },
    );
  });

  it(`GET /confirm answers any token with a page, never a 5xx (${RUNS} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 300 }), async (token) => {
        const response = await fetch(`${gatehouse.baseUrl}/confirm?token=${encodeURIComponent(token)}`);
        await response.text();
        return response.status < 500;
      }),
      { numRuns: RUNS },
    );
    const { users, bad_status } = await tables();
    expect(bad_status).toBe(0);
    expect(users).toBeGreaterThan(0);
  });
});
