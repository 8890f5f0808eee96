import type { DeliveryEventKind, DeliveryEventSource } from '../deliverability/delivery-event';

/** What recording delivery events reports for monitoring. Fire and forget: it never changes an outcome. */
export abstract class DeliverabilityMetrics {
  /** A new event (not a repeat) was recorded. */
  abstract eventRecorded(provider: DeliveryEventSource, kind: DeliveryEventKind): void;
}
