import type { OutgoingEmail } from '../mail/outgoing-email';

/** Emails are queued in the same transaction as the change that causes them and sent later by a worker. */
export abstract class EmailOutbox {
  abstract enqueue(email: OutgoingEmail, now: Date): Promise<void>;
  /**
   * When each email to this address (its normalized form) was queued at or after `since`, oldest first:
   * the per-address cooldown and limit count them, across every instance sharing the outbox.
   */
  abstract queuedTimesSince(normalizedAddress: string, since: Date): Promise<Date[]>;
}
