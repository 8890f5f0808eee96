export const USER_EVENT_TYPES = [
  'user.registered',
  'user.confirmed',
  'user.disabled',
  'user.deleted',
  'email.bounced',
  'email.complained',
] as const;
export type UserEventType = (typeof USER_EVENT_TYPES)[number];

/** What a provider reported about an email to the person (email.bounced, email.complained only). */
export interface EmailEventDetail {
  provider: string;
  /** The outbox id of the email, as the delivery history shows it. */
  emailId: string;
  bounceType?: 'hard' | 'soft';
  smtpStatus?: string | null;
  diagnostic?: string | null;
  /** Whether the address is now suppressed: no more email goes to it. */
  suppressed: boolean;
}

/** Something that happened to an account, told to the systems Gatehouse runs beside (webhooks). */
export interface UserEvent {
  type: UserEventType;
  userId: string;
  email: string;
  occurredAt: Date;
  delivery?: EmailEventDetail;
}
