/** suppressed: not sent, the address being on the suppression list (lastError says why). */
export const DELIVERY_STATES = ['queued', 'sending', 'sent', 'failed', 'suppressed'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/** One message about a person and what happened to it, as support staff see it. Never its content or secrets. */
export interface DeliveryRecord {
  id: string;
  /** An email to the person, or a webhook about them to a configured URL. */
  channel: 'email' | 'webhook';
  template: string;
  recipient: string;
  state: DeliveryState;
  attempts: number;
  lastError: string | null;
  messageId: string;
  smtpResponse: string | null;
  createdAt: Date;
  nextAttemptAt: Date | null;
  sentAt: Date | null;
}
