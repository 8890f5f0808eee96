import { normalizeCode } from '@gatehouse/domain/confirmation/confirmation-code';
import { InvalidInput } from '@gatehouse/domain/errors/invalid-input.error';
import { Email } from '@gatehouse/domain/users/email.value-object';
import { Password } from '@gatehouse/domain/users/password.value-object';
import { passwordProblem } from '@gatehouse/domain/users/password-policy';
import { ZxcvbnCommonPasswords } from '@gatehouse/infrastructure/security/zxcvbn.common-passwords';
import { SUPPORTED_LOCALES } from '@gatehouse/infrastructure/i18n/locale';
import { Translator } from '@gatehouse/infrastructure/i18n/translator';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { PAGE_MESSAGES, type PageMessageKey } from '../src/views/page-messages';

type Rule = (raw: string, language: string, context?: { email: string; common: Set<string> }) => string;

/** Runs the page's script as a browser would, with a document that has no forms, and takes its rules. */
function browserRules(): { email: Rule; password: Rule; code: Rule } {
  const source = readFileSync(path.resolve(__dirname, '../src/views/assets/form-validation.js'), 'utf8');
  const window: { gatehouseFormRules?: { email: Rule; password: Rule; code: Rule } } = {};
  runInNewContext(source, { window, document: { querySelectorAll: () => [], documentElement: { lang: 'en' } } });
  if (!window.gatehouseFormRules) throw new Error('form-validation.js exposes no rules');
  return window.gatehouseFormRules;
}

const pages = new Translator(PAGE_MESSAGES);

/** What the server's page says about this input in this language: '' when the input is accepted. */
function serverProblem(parse: () => unknown, language: string): string {
  try {
    parse();
    return '';
  } catch (error) {
    if (!(error instanceof InvalidInput)) throw error;
    const [problem] = error.problems;
    return pages.text(language, `problem.${problem.rule}` as PageMessageKey, problem.params);
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
const commonPasswords = new ZxcvbnCommonPasswords();
const commonList = new Set(commonPasswords.list);
const POLICY_CASES: Array<[string, string]> = [
  ['password', 'alice@example.com'],
  ['Password1', 'alice@example.com'],
  ['QWERTYUIOP', 'alice@example.com'],
  ['iloveyou2', 'alice@example.com'],
  ['alice-in-wonderland', 'Alice@example.com'],
  ['my ALICE password', 'alice@example.com'],
  ['jo jo jo jo', 'jo@example.com'],
  ['correct horse battery staple', 'alice@example.com'],
  ['😀'.repeat(8), 'alice@example.com'],
];
const CODES = ['123456', '123 456', '123-456', ' 000001 ', '12345', '1234567', 'abcdef', ''];

describe.each(SUPPORTED_LOCALES)('The pages check fields as the server does, in %s', (language) => {
  const rules = browserRules();

  it.each(EMAILS)('email %j', (raw) => {
    expect(rules.email(raw, language)).toBe(serverProblem(() => Email.parse(raw), language));
  });

  it.each(PASSWORDS)('password %j', (raw) => {
    expect(rules.password(raw, language)).toBe(serverProblem(() => Password.parse(raw), language));
  });

  it.each(POLICY_CASES)('password %j for %j against the common list and the address', (raw, address) => {
    const email = Email.parse(address);
    const server = serverProblem(() => {
      const problem = passwordProblem(Password.parse(raw), email, commonPasswords);
      if (problem) throw new InvalidInput([problem]);
    }, language);
    expect(rules.password(raw, language, { email: address, common: commonList })).toBe(server);
  });

  it.each(CODES)('code %j', (raw) => {
    const accepted = normalizeCode(raw) !== undefined;
    expect(rules.code(raw, language)).toBe(accepted ? '' : pages.text(language, 'problem.code.shape'));
  });
});
