import { DomainError } from './domain-error';

export interface FieldProblem {
  field: string;
  message: string;
}

/** One or more fields a person typed break a rule; each problem says which field and why. */
export class InvalidInput extends DomainError {
  readonly code = 'VALIDATION.INVALID_INPUT' as const;

  constructor(readonly problems: readonly FieldProblem[]) {
    super(problems.map((problem) => `${problem.field}: ${problem.message}`).join('; '));
  }

  static of(field: string, message: string): InvalidInput {
    return new InvalidInput([{ field, message }]);
  }
}
