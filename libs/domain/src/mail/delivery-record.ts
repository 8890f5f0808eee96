export const DELIVERY_STATES = ['queued', 'sending', 'sent', 'failed'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/** One email to a person and what happened to it, as support staff see it. Never its content or secrets. */
export interface DeliveryRecord {
  id: string;
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
