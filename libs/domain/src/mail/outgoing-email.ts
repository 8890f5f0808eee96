import type { Email } from '../users/email.value-object';

/**
 * The emails Gatehouse sends, with what each needs to be written. Content and language are the mail layer's.
 * `to` goes out as typed; its normalized form is what the per-address limits count by.
 */
export type OutgoingEmail =
  | {
      template: 'confirmation';
      userId: string;
      to: Email;
      locale: string;
      data: { token: string; code: string; expiresAt: string };
    }
  | {
      template: 'already-registered';
      userId: string;
      to: Email;
      locale: string;
      data: Record<string, never>;
    };

export type EmailTemplate = OutgoingEmail['template'];
