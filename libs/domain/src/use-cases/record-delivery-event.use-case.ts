import type { DeliveryEvent } from '../deliverability/delivery-event';
import type { SuppressionRule } from '../deliverability/suppression';
import type { UserEvent } from '../events/user-event';
import type { Clock } from '../ports/clock.port';
import type { DeliverabilityMetrics } from '../ports/deliverability-metrics.port';
import type { DeliveryEvents, EmailOnRecord } from '../ports/delivery-events.port';
import type { Suppression } from '../deliverability/suppression';

export type RecordDeliveryEventOutcome =
  | { outcome: 'recorded'; suppressed: boolean }
  /** The provider's event id was recorded before: nothing changed. */
  | { outcome: 'repeated' }
  /** No email of Gatehouse's matches (another sender's, or a deleted account's): nothing to record. */
  | { outcome: 'unknown_email' };

/**
 * A provider (or a bounce email) reports what became of an email: the event joins the email's delivery history,
 * the suppression rule decides whether the address may still be written to, and a bounce or a complaint is
 * announced to the product. A repeat of an event changes nothing.
 */
export class RecordDeliveryEvent {
  constructor(
    private readonly deliveryEvents: DeliveryEvents,
    private readonly rule: SuppressionRule,
    private readonly clock: Clock,
    private readonly metrics: DeliverabilityMetrics,
  ) {}

  async execute(event: DeliveryEvent): Promise<RecordDeliveryEventOutcome> {
    const email = await this.deliveryEvents.findEmail(event.email);
    if (!email) return { outcome: 'unknown_email' };
    const now = this.clock.now();
    const earlierSoftBounces =
      event.kind === 'bounced' && event.bounceType === 'soft'
        ? await this.deliveryEvents.softBouncesSince(email.addressKey, this.rule.softBounceWindowStart(event))
        : 0;
    const suppression = this.rule.decide(event, email.addressKey, earlierSoftBounces, now);
    const recorded = await this.deliveryEvents.record({
      event,
      email,
      receivedAt: now,
      suppression,
      announcement: announcementOf(event, email, suppression),
    });
    if (!recorded) return { outcome: 'repeated' };
    this.metrics.eventRecorded(event.provider, event.kind);
    return { outcome: 'recorded', suppressed: suppression !== null };
  }
}

function announcementOf(event: DeliveryEvent, email: EmailOnRecord, suppression: Suppression | null): UserEvent | null {
  if (!email.userId || (event.kind !== 'bounced' && event.kind !== 'complained')) return null;
  const base = { provider: event.provider, emailId: email.outboxId, suppressed: suppression !== null };
  return {
    type: event.kind === 'bounced' ? 'email.bounced' : 'email.complained',
    userId: email.userId,
    email: email.to,
    occurredAt: event.occurredAt,
    delivery:
      event.kind === 'bounced'
        ? { ...base, bounceType: event.bounceType, smtpStatus: event.smtpStatus, diagnostic: event.diagnostic }
        : base,
  };
}
