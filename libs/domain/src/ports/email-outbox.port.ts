import type { OutgoingEmail } from '../mail/outgoing-email';

/** Emails are queued in the same transaction as the change that causes them and sent later by a worker. */
export abstract class EmailOutbox {
  abstract enqueue(email: OutgoingEmail, now: Date): Promise<void>;
  /**
   * When each email to this address (its normalized form) was queued at or after `since`, oldest first:
   * the per-address cooldown and limit count them, across every instance sharing the outbox. Only emails that
   * left or are still trying (queued, being sent, waiting for a retry) count: one that failed for good reached
   * nobody, so it must not stop support or the person from asking again after an SMTP outage. Webhooks are not
   * emails and never count.
   */
  abstract queuedTimesSince(normalizedAddress: string, since: Date): Promise<Date[]>;
}
