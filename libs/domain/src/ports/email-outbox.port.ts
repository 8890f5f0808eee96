import type { OutgoingEmail } from '../mail/outgoing-email';

/** Emails are queued in the same transaction as the change that causes them and sent later by a worker. */
export abstract class EmailOutbox {
  abstract enqueue(email: OutgoingEmail, now: Date): Promise<void>;
  /** When the newest email to this address (normalized) was queued, to honour the per-address cooldown. */
  abstract lastQueuedAt(normalizedAddress: string): Promise<Date | null>;
}
