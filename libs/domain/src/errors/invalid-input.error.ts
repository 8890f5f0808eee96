import { DomainError } from './domain-error';

/** Which rule an input broke: a stable name a client or a page can translate, with the numbers it needs. */
export const PROBLEM_RULES = [
  'email.required',
  'email.too_long',
  'email.shape',
  'email.local_too_long',
  'email.local_characters',
  'email.domain_missing',
  'email.domain_invalid',
  'email.disposable',
  'password.too_short',
  'password.too_long',
  'password.common',
  'password.contains_email',
  'code.shape',
  'reason.required',
  'reason.too_long',
] as const;

export type ProblemRule = (typeof PROBLEM_RULES)[number];

export interface FieldProblem {
  field: string;
  /** The sentence in English, the default language. */
  message: string;
  rule: ProblemRule;
  params?: Record<string, number>;
}

/** One or more fields a person typed break a rule; each problem says which field and why. */
export class InvalidInput extends DomainError {
  readonly code = 'VALIDATION.INVALID_INPUT' as const;

  constructor(readonly problems: readonly FieldProblem[]) {
    super(problems.map((problem) => `${problem.field}: ${problem.message}`).join('; '));
  }

  static of(field: string, rule: ProblemRule, message: string, params?: Record<string, number>): InvalidInput {
    return new InvalidInput([{ field, rule, message, ...(params ? { params } : {}) }]);
  }
}
