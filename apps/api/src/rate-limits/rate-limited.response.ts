import { negotiateLocale, type Locale } from '@gatehouse/infrastructure/i18n/locale';
import type { FastifyRequest } from 'fastify';
import { roundUpForPeople } from '../config/durations';
import type { ErrorResponse } from '../http/error-responses';
import { formField } from '../registration/form-body';
import type { ViewRenderer } from '../views/view-renderer';
import { RATE_LIMITED_FORMS } from './rate-limited-forms';
import type { RateLimited } from './rate-limited.error';

/** "Too many attempts from your network. Try again in 4 minutes." in the visitor's language. */
function tryAgainIn(error: RateLimited, locale: Locale, views: ViewRenderer): string {
  const wait = views.duration(locale, roundUpForPeople(error.retryAfterSeconds * 1000));
  return views.text(locale, 'rate_limited.message', { wait });
}

/** 429 with Retry-After in seconds, and the same number in the body for clients that read only JSON. */
export function rateLimitedResponse(error: RateLimited, views: ViewRenderer): ErrorResponse {
  return {
    status: 429,
    headers: { 'Retry-After': String(error.retryAfterSeconds) },
    body: {
      error: 'rate_limited',
      message: tryAgainIn(error, 'en', views),
      retryAfterSeconds: error.retryAfterSeconds,
    },
  };
}

/** The form the person sent, again, with what they typed (never a password) and when to try again. */
export function rateLimitedPage(error: RateLimited, request: FastifyRequest, views: ViewRenderer): string {
  const header = request.headers['accept-language'];
  const locale = negotiateLocale(Array.isArray(header) ? header[0] : header);
  const message = tryAgainIn(error, locale, views);
  if (!error.form) {
    return views.render('link-problem', locale, {
      title: 'rate_limited.heading',
      heading: views.text(locale, 'rate_limited.heading'),
      message,
      offerResend: false,
    });
  }
  const form = RATE_LIMITED_FORMS[error.form];
  const typed = Object.fromEntries(form.fields.map((field) => [field, formField(request.body, field)]));
  return views.render(form.view, locale, { title: form.title, ...typed, errors: {}, formError: message });
}
