import { InvalidInput } from '@gatehouse/domain/errors/invalid-input.error';
import type { Locale } from '@gatehouse/infrastructure/i18n/locale';
import type { PageMessageKey } from './page-messages';
import type { ViewRenderer } from './view-renderer';

/** A form field as text: browsers send strings, anything else (a repeated field, nothing) counts as empty. */
export function formField(body: unknown, name: string): string {
  const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : '';
}

/** Field problems keyed by field, in the visitor's language; anything else is rethrown to the error filter. */
export function fieldErrors(error: unknown, locale: Locale, views: ViewRenderer): Record<string, string> {
  if (!(error instanceof InvalidInput)) throw error;
  return Object.fromEntries(
    error.problems.map((problem) => [
      problem.field,
      views.text(locale, `problem.${problem.rule}` as PageMessageKey, problem.params),
    ]),
  );
}
