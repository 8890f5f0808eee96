import type { FieldProblem } from '../errors/invalid-input.error';
import type { CommonPasswords } from '../ports/common-passwords.port';
import type { Email } from './email.value-object';
import type { Password } from './password.value-object';

/** A local part this short (a@, jo@) would forbid half the dictionary, so it is not checked. */
const SHORTEST_CHECKED_LOCAL_PART = 3;

/**
 * NIST SP 800-63B's checks beyond length: no composition rules, but no password from a list of common ones
 * and none that contains the address it protects.
 */
export function passwordProblem(password: Password, email: Email, common: CommonPasswords): FieldProblem | undefined {
  const local = email.localPart.toLowerCase();
  if (local.length >= SHORTEST_CHECKED_LOCAL_PART && password.value.toLowerCase().includes(local)) {
    return {
      field: 'password',
      rule: 'password.contains_email',
      message: 'Your password must not contain your email address.',
    };
  }
  if (common.includes(password.value)) {
    return {
      field: 'password',
      rule: 'password.common',
      message: 'This password is one of the most common ones and easy to guess. Choose another.',
    };
  }
  return undefined;
}
