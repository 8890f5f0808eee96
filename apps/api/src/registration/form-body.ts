import { InvalidInput } from '@gatehouse/domain/errors/invalid-input.error';

/** A form field as text: browsers send strings, anything else (a repeated field, nothing) counts as empty. */
export function formField(body: unknown, name: string): string {
  const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : '';
}

/** Field problems keyed by field, for the templates; anything else is rethrown to the error filter. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof InvalidInput)) throw error;
  return Object.fromEntries(error.problems.map((problem) => [problem.field, problem.message]));
}
