import type { DeliveryEvent, EmailReference } from '../deliverability/delivery-event';
import type { Suppression } from '../deliverability/suppression';
import type { UserEvent } from '../events/user-event';

/** The email an event is about, as the outbox sent it. */
export interface EmailOnRecord {
  outboxId: string;
  /** Null once the account is gone. */
  userId: string | null;
  /** The address as typed, for the announcement. */
  to: string;
  /** The address's unique key: what a suppression holds. */
  addressKey: string;
}

/** What recording one event changes, decided by the domain and applied together. */
export interface DeliveryEventRecording {
  event: DeliveryEvent;
  email: EmailOnRecord;
  receivedAt: Date;
  /** The address's suppression the event causes, if any. */
  suppression: Suppression | null;
  /** The webhook to the product (email.bounced, email.complained), if any. */
  announcement: UserEvent | null;
}

/** The delivery history's events and the suppression list, written together. */
export abstract class DeliveryEvents {
  abstract findEmail(reference: EmailReference): Promise<EmailOnRecord | null>;
  /** Soft bounces recorded for this address that happened at or after `since`. */
  abstract softBouncesSince(addressKey: string, since: Date): Promise<number>;
  /**
   * Records the event, and with it (atomically) the suppression and the announcement. Returns false, and applies
   * nothing, when the provider's event id was recorded before: a repeat is counted once.
   */
  abstract record(recording: DeliveryEventRecording): Promise<boolean>;
}
