import type { PageMessageKey } from '../views/page-messages';

/** Where a page route says which form to show again when its client is over the limit. */
export const RATE_LIMITED_FORM = 'gatehouse:rate-limited-form';

/** A form page shown again, with what the person typed (never a password) and when to try again. */
export interface RateLimitedForm {
  view: string;
  title: PageMessageKey;
  /** Fields echoed back into the form. */
  fields: readonly string[];
}

export const RATE_LIMITED_FORMS = {
  register: { view: 'register', title: 'register.title', fields: ['email'] },
  resend: { view: 'resend', title: 'resend.title', fields: ['email'] },
  confirm: { view: 'confirm', title: 'confirm.title', fields: ['token'] },
  confirmCode: { view: 'confirm-code', title: 'code.title', fields: ['email', 'code'] },
  signIn: { view: 'sign-in', title: 'signin.title', fields: ['email'] },
} as const satisfies Record<string, RateLimitedForm>;

export type RateLimitedFormName = keyof typeof RATE_LIMITED_FORMS;
