import { PasswordRequired } from '@gatehouse/domain/confirmation/confirmation.errors';
import { DomainError } from '@gatehouse/domain/errors/domain-error';
import { InvalidInput } from '@gatehouse/domain/errors/invalid-input.error';
import type { Locale } from '@gatehouse/infrastructure/i18n/locale';
import { domainErrorResponse } from '../http/error-responses';
import type { PageMessageKey } from './page-messages';
import type { ViewRenderer } from './view-renderer';

/** A refusal a form can show: the status from the one error table, each field's problem, and the form's own. */
export interface FormRefusal {
  status: number;
  /** The API's error code (`token_expired`, `password_required`, ...); undefined for field problems. */
  code: string | undefined;
  errors: Record<string, string>;
  formError: string;
  /** Headers the answer carries, such as Retry-After on a 429. */
  headers: Record<string, string>;
  /** Seconds until the person may try again, on a 429. */
  retryAfterSeconds?: number;
}

export type Settled<T> = { refused: false; value: T } | { refused: true; refusal: FormRefusal };

/**
 * Runs a form's use case and turns a refusal the person can act on into what the form shows, in their
 * language; anything else (a bug, an outage) goes on to the error filter. The pages keep no ladder of catches.
 */
export async function submitForm<T>(locale: Locale, views: ViewRenderer, work: () => Promise<T>): Promise<Settled<T>> {
  try {
    return { refused: false, value: await work() };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { refused: true, refusal: refusalOf(error, locale, views) };
  }
}

function refusalOf(error: DomainError, locale: Locale, views: ViewRenderer): FormRefusal {
  const { status, body, headers = {} } = domainErrorResponse(error);
  if (error instanceof InvalidInput) {
    const errors = Object.fromEntries(
      error.problems.map((problem) => [
        problem.field,
        views.text(locale, `problem.${problem.rule}` as PageMessageKey, problem.params),
      ]),
    );
    return { status, code: undefined, errors, formError: '', headers: {} };
  }
  const code = 'error' in body ? body.error : undefined;
  // A typed password that matched no sign-up is still `password_required`, said so in the person's terms.
  const key = error instanceof PasswordRequired && error.mismatch ? 'error.password_mismatch' : `error.${code}`;
  const retryAfterSeconds = 'retryAfterSeconds' in body ? body.retryAfterSeconds : undefined;
  return {
    status,
    code,
    errors: {},
    formError: views.knows(key) ? views.text(locale, key) : error.message,
    headers,
    retryAfterSeconds,
  };
}
