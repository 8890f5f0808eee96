/** The emails Gatehouse sends, with what each needs to be written. Content and language are the mail layer's. */
export type OutgoingEmail =
  | {
      template: 'confirmation';
      userId: string;
      to: string;
      locale: string;
      data: { token: string; code: string; expiresAt: string };
    }
  | {
      template: 'already-registered';
      userId: string;
      to: string;
      locale: string;
      data: Record<string, never>;
    };

export type EmailTemplate = OutgoingEmail['template'];
