import { negotiateLocale, type Locale } from '@gatehouse/infrastructure/i18n/locale';
import type { FastifyRequest } from 'fastify';
import { roundUpForPeople } from '../config/durations';
import type { ErrorResponse } from '../http/error-responses';
import { SelfAnsweringError } from '../http/self-answering.error';
import { formField } from '../views/form-body';
import type { ViewRenderer } from '../views/view-renderer';
import type { RateLimitName } from './rate-limit-names';
import { RATE_LIMITED_FORMS, type RateLimitedFormName } from './rate-limited-forms';

/** A client went over a per-IP limit: answered 429 with Retry-After, or its form again with when to retry. */
export class RateLimited extends SelfAnsweringError {
  constructor(
    readonly limit: RateLimitName,
    /** Whole seconds until a request from this client will pass again; at least 1. */
    readonly retryAfterSeconds: number,
    /** The form to show again when the request came from a page. */
    readonly form: RateLimitedFormName | undefined,
  ) {
    super(`Too many requests for the ${limit} limit; retry after ${retryAfterSeconds} s.`);
    this.name = 'RateLimited';
  }

  /** 429 with Retry-After in seconds, and the same number in the body for clients that read only JSON. */
  response(views: ViewRenderer): ErrorResponse {
    return {
      status: 429,
      headers: { 'Retry-After': String(this.retryAfterSeconds) },
      body: {
        error: 'rate_limited',
        message: this.tryAgainIn('en', views),
        retryAfterSeconds: this.retryAfterSeconds,
      },
    };
  }

  /** The form the person sent, again, with what they typed (never a password) and when to try again. */
  page(request: FastifyRequest, views: ViewRenderer): string {
    const header = request.headers['accept-language'];
    const locale = negotiateLocale(Array.isArray(header) ? header[0] : header);
    const message = this.tryAgainIn(locale, views);
    if (!this.form) {
      return views.render('link-problem', locale, {
        title: 'rate_limited.heading',
        heading: views.text(locale, 'rate_limited.heading'),
        message,
        offerResend: false,
      });
    }
    const form = RATE_LIMITED_FORMS[this.form];
    const typed = Object.fromEntries(form.fields.map((field) => [field, formField(request.body, field)]));
    // A form whose action is its own address (the sign-in page's names its interaction) posts there again.
    const action = request.url;
    return views.render(form.view, locale, { title: form.title, action, ...typed, errors: {}, formError: message });
  }

  /** "Too many attempts from your network. Try again in 4 minutes." in the visitor's language. */
  private tryAgainIn(locale: Locale, views: ViewRenderer): string {
    const wait = views.duration(locale, roundUpForPeople(this.retryAfterSeconds * 1000));
    return views.text(locale, 'rate_limited.message', { wait });
  }
}
