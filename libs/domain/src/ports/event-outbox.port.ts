import type { UserEvent } from '../events/user-event';

/** Events are queued in the same transaction as the change they report, and delivered later with retries. */
export abstract class EventOutbox {
  abstract publish(event: UserEvent): Promise<void>;
}
