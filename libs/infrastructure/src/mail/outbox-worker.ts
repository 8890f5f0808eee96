import type { Suppression } from '@gatehouse/domain/deliverability/suppression';
import type { DataSource, EntityManager } from 'typeorm';
import {
  CLAIM_DUE,
  EMAILS_IN_CAP_WINDOW,
  MARK_FAILED,
  MARK_RETRY,
  MARK_SENT,
  MARK_SUPPRESSED,
  type ClaimedOutboxRow,
} from '../persistence/email-outbox.record';
import { claimedFromRow } from '../persistence/outbox-delivery.mapper';
import { SUPPRESSIONS_OF, suppressionFromRow, type SuppressionRow } from '../persistence/suppression.record';
import { WebhookDeliveryChannel } from '../webhooks/webhook.delivery-channel';
import type { WebhookSender } from '../webhooks/webhook-sender';
import type { EmailComposer } from './email-composer';
import { EmailDeliveryChannel } from './email.delivery-channel';
import type { MailReceipt } from './mail-message';
import type { DeliveryError, MailTransport } from './mail-transport';
import type { ClaimedDelivery, OutboxDelivery } from './outbox-delivery';
import type { OutboxPayloadCipher } from './outbox-payload.cipher';

export interface OutboxWorkerSettings {
  from: string;
  pollIntervalMs: number;
  batchSize: number;
  /** How long a claimed row stays with one worker before another may take it (a crashed worker's rows). */
  leaseMs: number;
  maxAttempts: number;
  /** The first retry waits this long; each later one four times longer, capped at maxRetryDelayMs. */
  retryBaseMs: number;
  maxRetryDelayMs: number;
  /**
   * At most `limit` emails leave in any window of `windowMs`, counted over every worker sharing the database,
   * so a flood cannot burn the SMTP account. Emails over the cap stay queued and leave as the window slides.
   * Webhooks are not emails and do not count. Unset: no cap.
   */
  emailCap?: { limit: number; windowMs: number };
}

// Any constant works; it only has to be the same for every worker sharing a database.
const EMAIL_CAP_LOCK = 7_351_642_019;

export interface OutboxLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/**
 * Sends what the outbox holds, of every channel. Rows are claimed with FOR UPDATE SKIP LOCKED and a lease, so any
 * number of workers can share one database and a crashed worker's rows are taken again once the lease runs out.
 * Claiming, leases, retries and the email cap are the worker's; sending and judging a failure are each channel's.
 */
export class OutboxWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  private capReached = false;
  private readonly email: EmailDeliveryChannel;
  private readonly webhook: WebhookDeliveryChannel;

  constructor(
    private readonly dataSource: DataSource,
    cipher: OutboxPayloadCipher,
    composer: EmailComposer,
    transport: MailTransport,
    private readonly settings: OutboxWorkerSettings,
    private readonly logger: OutboxLogger,
    /** None: WEBHOOK_SECRET is unset, and a queued webhook fails for good instead of leaving unsigned. */
    webhooks?: WebhookSender,
  ) {
    this.email = new EmailDeliveryChannel(cipher, composer, transport, settings.from);
    this.webhook = new WebhookDeliveryChannel(cipher, webhooks);
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops claiming and waits for the batch in flight to be recorded as sent or queued again. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Sends everything that is due now; returns how many rows it handled. Used by the loop and by tests. */
  async drainOnce(): Promise<number> {
    const claimed = await this.claim();
    const suppressed = await this.suppressionsOf(claimed);
    await Promise.all(
      claimed.map((one) => {
        const suppression = one.delivery.channel === 'email' ? suppressed.get(one.delivery.addressKey) : undefined;
        return suppression ? this.withhold(one.delivery, suppression) : this.deliver(one);
      }),
    );
    return claimed.length;
  }

  /**
   * The active suppressions of the claimed emails' addresses, asked once per batch: no email of any kind goes to
   * a suppressed address. Whether one is still active is the domain's rule (Suppression.isActiveAt).
   */
  private async suppressionsOf(claimed: ClaimedDelivery[]): Promise<Map<string, Suppression>> {
    const keys = [
      ...new Set(claimed.flatMap(({ delivery }) => (delivery.channel === 'email' ? [delivery.addressKey] : []))),
    ];
    if (!keys.length) return new Map();
    const rows: SuppressionRow[] = await this.dataSource.query(
      SUPPRESSIONS_OF.text,
      SUPPRESSIONS_OF.values({ addressKeys: keys }),
    );
    const now = new Date();
    return new Map(
      rows
        .map(suppressionFromRow)
        .filter((suppression) => suppression.isActiveAt(now))
        .map((suppression) => [suppression.addressKey, suppression]),
    );
  }

  /** Recorded as suppressed instead of sent, with the reason in the history; never retried. */
  private async withhold(delivery: OutboxDelivery, suppression: Suppression): Promise<void> {
    this.logger.log(`Email ${delivery.id} not sent: its address is suppressed (${suppression.cause}).`);
    await this.dataSource.query(
      MARK_SUPPRESSED.text,
      MARK_SUPPRESSED.values({ id: delivery.id, reason: `Not sent: ${suppression.describe()}` }),
    );
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.loop().finally(() => {
        this.running = undefined;
      });
    }, delayMs);
    this.timer.unref?.();
  }

  private async loop(): Promise<void> {
    let handled = 0;
    try {
      handled = await this.drainOnce();
    } catch (error) {
      if (!this.stopped) this.logger.error(`Outbox worker could not claim emails: ${(error as Error).message}`);
    }
    // A full batch means more may be waiting: go again at once instead of sleeping.
    this.schedule(handled >= this.settings.batchSize ? 0 : this.settings.pollIntervalMs);
  }

  private async claim(): Promise<ClaimedDelivery[]> {
    const { batchSize, leaseMs, emailCap } = this.settings;
    if (!emailCap) return this.claimDue(this.dataSource.manager, batchSize, leaseMs);
    // Counting and claiming under one lock, so workers claiming side by side cannot both spend the last room.
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [EMAIL_CAP_LOCK]);
      const [{ used }]: Array<{ used: number }> = await manager.query(
        EMAILS_IN_CAP_WINDOW.text,
        EMAILS_IN_CAP_WINDOW.values({ windowMs: emailCap.windowMs }),
      );
      const room = Math.max(0, emailCap.limit - used);
      this.noteCap(room, emailCap);
      if (room >= batchSize) return this.claimDue(manager, batchSize, leaseMs);
      const emails = room > 0 ? await this.claimDue(manager, room, leaseMs, 'email') : [];
      const webhooks = await this.claimDue(manager, batchSize - emails.length, leaseMs, 'webhook');
      return [...emails, ...webhooks];
    });
  }

  /** Claims up to `limit` due rows (of one channel, or of both), oldest due first. */
  private async claimDue(
    manager: EntityManager,
    limit: number,
    leaseMs: number,
    channel?: OutboxDelivery['channel'],
  ): Promise<ClaimedDelivery[]> {
    if (limit <= 0) return [];
    const rows: ClaimedOutboxRow[] = await manager.query(
      CLAIM_DUE.text,
      CLAIM_DUE.values({ limit, leaseMs, channel: channel ?? null }),
    );
    return rows.map(claimedFromRow);
  }

  private noteCap(room: number, cap: { limit: number; windowMs: number }): void {
    const reached = room === 0;
    if (reached && !this.capReached) {
      this.logger.warn(
        `The email cap (${cap.limit} per ${Math.round(cap.windowMs / 1000)} s, EMAIL_LIMIT_GLOBAL) is reached: ` +
          'emails wait in the outbox until older ones leave the window.',
      );
    }
    this.capReached = reached;
  }

  private async deliver({ delivery, attempts }: ClaimedDelivery): Promise<void> {
    try {
      const receipt = await this.send(delivery);
      await this.dataSource.query(
        MARK_SENT.text,
        MARK_SENT.values({ id: delivery.id, response: receipt.response.slice(0, 1000) }),
      );
    } catch (error) {
      await this.recordFailure(delivery, attempts, this.classify(delivery, error));
    }
  }

  private send(delivery: OutboxDelivery): Promise<MailReceipt> {
    return delivery.channel === 'webhook' ? this.webhook.send(delivery) : this.email.send(delivery);
  }

  /** Each channel judges its own failures: SMTP's answers for emails, HTTP's for webhooks. */
  private classify(delivery: OutboxDelivery, error: unknown): DeliveryError {
    return delivery.channel === 'webhook' ? this.webhook.classify(error) : this.email.classify(error);
  }

  private async recordFailure(delivery: OutboxDelivery, attempts: number, failure: DeliveryError): Promise<void> {
    const what = delivery.channel === 'webhook' ? 'Webhook' : 'Email';
    const final = failure.permanent || attempts >= this.settings.maxAttempts;
    if (final) {
      this.logger.warn(`${what} ${delivery.id} failed for good after ${attempts} attempt(s): ${failure.message}`);
      await this.dataSource.query(MARK_FAILED.text, MARK_FAILED.values({ id: delivery.id, error: failure.message }));
      return;
    }
    const delayMs = this.retryDelayMs(attempts);
    this.logger.warn(
      `${what} ${delivery.id} attempt ${attempts} failed, retrying in ${Math.round(delayMs / 1000)} s: ${failure.message}`,
    );
    await this.dataSource.query(
      MARK_RETRY.text,
      MARK_RETRY.values({ id: delivery.id, error: failure.message, delayMs }),
    );
  }

  /** Exponential back-off with ±20 % jitter, so a recovering SMTP server is not hit by every row at once. */
  retryDelayMs(attempt: number): number {
    const exponential = this.settings.retryBaseMs * 4 ** Math.max(0, attempt - 1);
    const capped = Math.min(exponential, this.settings.maxRetryDelayMs);
    return Math.round(capped * (0.8 + Math.random() * 0.4));
  }
}
