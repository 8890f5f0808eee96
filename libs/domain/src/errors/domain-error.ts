import type { ErrorCode } from './error-code';

/**
 * Every rule the domain refuses is one of these, with a stable code that the HTTP layer maps to a status.
 * `field` names the input a person has to change, when there is one.
 */
export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  readonly field?: string;

  constructor(message: string, field?: string) {
    super(message);
    this.name = new.target.name;
    this.field = field;
  }
}
