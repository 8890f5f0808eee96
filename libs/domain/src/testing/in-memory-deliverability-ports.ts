import { canonicalMessageId, type EmailReference } from '../deliverability/delivery-event';
import { type Suppression } from '../deliverability/suppression';
import type { UserEvent } from '../events/user-event';
import { DeliveryEvents, type DeliveryEventRecording, type EmailOnRecord } from '../ports/delivery-events.port';
import { Suppressions } from '../ports/suppressions.port';
import type { AuditEntry } from '../staff/audit-entry';

// Fakes of the deliverability ports: the same contract as the PostgreSQL adapter (deliverability-ports.contract.ts).

export class InMemoryDeliverabilityStore {
  /** Emails the outbox sent, by outbox id, with the Message-ID they went out with. */
  emails = new Map<string, EmailOnRecord & { messageId: string }>();
  recordings: DeliveryEventRecording[] = [];
  suppressions = new Map<string, Suppression>();
  announcements: UserEvent[] = [];
}

export class InMemoryDeliveryEvents extends DeliveryEvents {
  constructor(readonly store = new InMemoryDeliverabilityStore()) {
    super();
  }

  /** Lets a spec say an email was sent. */
  sent(email: EmailOnRecord & { messageId: string }): void {
    this.store.emails.set(email.outboxId, email);
  }

  async findEmail(reference: EmailReference): Promise<EmailOnRecord | null> {
    const found =
      'outboxId' in reference
        ? this.store.emails.get(reference.outboxId)
        : [...this.store.emails.values()].find((email) => email.messageId === canonicalMessageId(reference.messageId));
    if (!found) return null;
    const { messageId, ...email } = found;
    void messageId;
    return email;
  }

  async softBouncesSince(addressKey: string, since: Date): Promise<number> {
    return this.store.recordings.filter(
      ({ event, email }) =>
        email.addressKey === addressKey &&
        event.kind === 'bounced' &&
        event.bounceType === 'soft' &&
        event.occurredAt.getTime() >= since.getTime(),
    ).length;
  }

  async record(recording: DeliveryEventRecording): Promise<boolean> {
    const { event } = recording;
    const repeat = this.store.recordings.some(
      (earlier) => earlier.event.provider === event.provider && earlier.event.providerEventId === event.providerEventId,
    );
    if (repeat) return false;
    this.store.recordings.push(recording);
    if (recording.suppression) {
      const key = recording.suppression.addressKey;
      this.store.suppressions.set(key, longer(this.store.suppressions.get(key), recording.suppression));
    }
    if (recording.announcement) this.store.announcements.push(recording.announcement);
    return true;
  }

  async suppressionOf(addressKey: string): Promise<Suppression | null> {
    return this.store.suppressions.get(addressKey) ?? null;
  }
}

/** A suppression never shortens: one until staff lift it stays so, a timed one keeps the later end. */
function longer(current: Suppression | undefined, next: Suppression): Suppression {
  if (!current) return next;
  if (current.until === null) return current;
  if (next.until === null || next.until.getTime() > current.until.getTime()) return next;
  return current;
}

/** The suppression list as support uses it, on the same store; a lift's audit entry goes to `audit`. */
export class InMemorySuppressions extends Suppressions {
  constructor(
    readonly store: InMemoryDeliverabilityStore,
    private readonly audit: (entry: AuditEntry) => void,
  ) {
    super();
  }

  async find(addressKey: string): Promise<Suppression | null> {
    return this.store.suppressions.get(addressKey) ?? null;
  }

  async lift(addressKey: string, audit: AuditEntry): Promise<Suppression | null> {
    const found = this.store.suppressions.get(addressKey) ?? null;
    if (!found) return null;
    this.store.suppressions.delete(addressKey);
    this.audit(audit);
    return found;
  }
}
