import { normalizeCode } from '@gatehouse/domain/confirmation/confirmation-code';
import { InvalidInput } from '@gatehouse/domain/errors/invalid-input.error';
import { Email } from '@gatehouse/domain/users/email.value-object';
import { Password } from '@gatehouse/domain/users/password.value-object';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runInNewContext } from 'node:vm';

type Rule = (raw: string) => string;

/** Runs the page's script as a browser would, with a document that has no forms, and takes its rules. */
function browserRules(): { email: Rule; password: Rule; code: Rule } {
  const source = readFileSync(path.resolve(__dirname, '../src/views/assets/form-validation.js'), 'utf8');
  const window: { gatehouseFormRules?: { email: Rule; password: Rule; code: Rule } } = {};
  runInNewContext(source, { window, document: { querySelectorAll: () => [] } });
  if (!window.gatehouseFormRules) throw new Error('form-validation.js exposes no rules');
  return window.gatehouseFormRules;
}

function serverProblem(parse: () => unknown): string {
  try {
    parse();
    return '';
  } catch (error) {
    if (error instanceof InvalidInput) return error.problems[0].message;
    throw error;
  }
}

const EMAILS = [
  'alice@example.com',
  '  Alice@Example.COM ',
  'müller@bücher.de',
  'a+tag@sub.example.co.uk',
  '',
  'alice',
  '@example.com',
  'alice@',
  'alice@example',
  'al ice@example.com',
  'alice..b@example.com',
  'alice@exa_mple.com',
  'alice@-example.com',
  'alice@example.c',
  `${'a'.repeat(65)}@example.com`,
  `a@${'b'.repeat(250)}.com`,
  "o'brien@example.ie",
  '<script>@example.com',
  'jose\u0301@example.com',
];
const PASSWORDS = [
  '',
  'short',
  '1234567',
  '12345678',
  '😀😀😀😀',
  '😀'.repeat(8),
  'x'.repeat(256),
  'x'.repeat(257),
  'пароль12',
  '        ',
];

describe('The sign-up page checks fields with the same rules as the server', () => {
  const rules = browserRules();

  it.each(EMAILS)('email %j', (raw) => {
    expect(rules.email(raw)).toBe(serverProblem(() => Email.parse(raw)));
  });

  it.each(PASSWORDS)('password %j', (raw) => {
    expect(rules.password(raw)).toBe(serverProblem(() => Password.parse(raw)));
  });

  it.each(['123456', '123 456', '123-456', ' 000001 ', '12345', '1234567', 'abcdef', ''])('code %j', (raw) => {
    expect(rules.code(raw) === '').toBe(normalizeCode(raw) !== undefined);
  });
});
