import type { DeliveryEventKind, DeliveryEventSource } from '@gatehouse/domain/deliverability/delivery-event';
import { SUPPRESSION_CAUSES } from '@gatehouse/domain/deliverability/suppression';
import type { DeliverabilityMetrics } from '@gatehouse/domain/ports/deliverability-metrics.port';
import { RegistrationMetrics } from '@gatehouse/domain/ports/registration-metrics.port';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { EMAILS_BY_STATE, OUTBOX_STATES } from '../persistence/email-outbox.record';
import { ACTIVE_SUPPRESSIONS_BY_CAUSE } from '../persistence/suppression.record';

const MINUTE = 60;
const HOUR = 60 * MINUTE;

/**
 * Gatehouse's Prometheus metrics, on a registry of its own per process (so two apps in one test process do
 * not share counters). Outbox figures are read from PostgreSQL when scraped, so every instance reports the
 * same, true numbers.
 */
export class PrometheusMetrics extends RegistrationMetrics implements DeliverabilityMetrics {
  readonly registry = new Registry();
  private readonly deliveryEvents = new Counter({
    name: 'gatehouse_delivery_events_total',
    help: 'Delivery events recorded (repeats not counted), by provider and kind.',
    labelNames: ['provider', 'kind'] as const,
    registers: [this.registry],
  });
  private readonly signUps = new Counter({
    name: 'gatehouse_signups_total',
    help: 'Sign-up requests accepted (new, pending and active addresses alike).',
    registers: [this.registry],
  });
  private readonly resends = new Counter({
    name: 'gatehouse_resends_total',
    help: 'Requests for a new confirmation email.',
    registers: [this.registry],
  });
  private readonly confirmations = new Counter({
    name: 'gatehouse_confirmations_total',
    help: 'Accounts that became active.',
    registers: [this.registry],
  });
  private readonly signUpToConfirmation = new Histogram({
    name: 'gatehouse_signup_to_confirmation_seconds',
    help: 'Time from sign-up to confirmation.',
    buckets: [MINUTE, 5 * MINUTE, 15 * MINUTE, HOUR, 6 * HOUR, 24 * HOUR, 7 * 24 * HOUR],
    registers: [this.registry],
  });
  readonly passwordHashSeconds = new Histogram({
    name: 'gatehouse_password_hash_duration_seconds',
    help: 'Time to hash one password with argon2id.',
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  private readonly httpSeconds = new Histogram({
    name: 'gatehouse_http_request_duration_seconds',
    help: 'HTTP request latency by route.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  constructor() {
    super();
    collectDefaultMetrics({ register: this.registry, prefix: 'gatehouse_' });
  }

  signedUp(): void {
    this.signUps.inc();
  }

  resendRequested(): void {
    this.resends.inc();
  }

  confirmed(sinceSignUpMs: number): void {
    this.confirmations.inc();
    this.signUpToConfirmation.observe(sinceSignUpMs / 1000);
  }

  /** `route` is the route pattern (/confirm, not /confirm?token=...), so labels stay few and hold no secrets. */
  eventRecorded(provider: DeliveryEventSource, kind: DeliveryEventKind): void {
    this.deliveryEvents.inc({ provider, kind });
  }

  /** The suppression list's size by cause, read at each scrape (every instance reports the same). */
  watchSuppressions(dataSource: DataSource): void {
    new Gauge({
      name: 'gatehouse_suppressed_addresses',
      help: 'Addresses on the suppression list now (no email goes to them), by cause.',
      labelNames: ['cause'] as const,
      registers: [this.registry],
      async collect() {
        const rows: Array<{ cause: string; n: number }> = await dataSource.query(ACTIVE_SUPPRESSIONS_BY_CAUSE);
        for (const cause of SUPPRESSION_CAUSES) this.set({ cause }, rows.find((row) => row.cause === cause)?.n ?? 0);
      },
    });
  }

  observeHttp(method: string, route: string, status: number, seconds: number): void {
    this.httpSeconds.observe({ method, route, status: String(status) }, seconds);
  }

  /** Emails by state, the outbox's depth and the age of its oldest waiting email, read at each scrape. */
  watchOutbox(dataSource: DataSource): void {
    let reading: Promise<void> | undefined;
    // One query per scrape feeds all three gauges, whichever of them prom-client collects first.
    const collect = async () => {
      reading ??= read().finally(() => setTimeout(() => (reading = undefined), 0));
      await reading;
    };
    const registers = [this.registry];
    const byState = new Gauge({
      name: 'gatehouse_emails',
      help: 'Emails in the outbox by state.',
      labelNames: ['state'] as const,
      registers,
      collect,
    });
    const depth = new Gauge({
      name: 'gatehouse_outbox_depth',
      help: 'Emails waiting to be sent (queued or sending).',
      registers,
      collect,
    });
    const oldest = new Gauge({
      name: 'gatehouse_outbox_oldest_age_seconds',
      help: 'Age of the oldest email still waiting; 0 when none waits.',
      registers,
      collect,
    });
    const read = async () => {
      const rows: Array<{ state: string; n: number; oldest: number | null }> = await dataSource.query(EMAILS_BY_STATE);
      for (const state of OUTBOX_STATES) byState.set({ state }, rows.find((row) => row.state === state)?.n ?? 0);
      const waiting = rows.filter((row) => row.state === 'queued' || row.state === 'sending');
      depth.set(waiting.reduce((sum, row) => sum + row.n, 0));
      oldest.set(Math.max(0, ...waiting.map((row) => row.oldest ?? 0)));
    };
  }
}
