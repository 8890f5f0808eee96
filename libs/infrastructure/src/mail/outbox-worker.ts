import type { EmailTemplate } from '@gatehouse/domain/mail/outgoing-email';
import type { DataSource, EntityManager } from 'typeorm';
import type { EmailComposer } from './email-composer';
import { classify } from './mailer.mail-transport';
import type { WebhookSender } from '../webhooks/webhook-sender';
import { DeliveryError, type MailTransport } from './mail-transport';
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

interface ClaimedRow {
  id: string;
  channel: 'email' | 'webhook';
  recipient: string;
  template: string;
  locale: string;
  payload: Buffer | null;
  message_id: string;
  attempts: number;
}

/**
 * Sends what the outbox holds. Rows are claimed with FOR UPDATE SKIP LOCKED and a lease, so any number
 * of workers can share one database and a crashed worker's rows are taken again once the lease runs out.
 */
export class OutboxWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  private capReached = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: OutboxPayloadCipher,
    private readonly composer: EmailComposer,
    private readonly transport: MailTransport,
    private readonly settings: OutboxWorkerSettings,
    private readonly logger: OutboxLogger,
    private readonly webhooks?: WebhookSender,
  ) {}

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
    const rows = await this.claim();
    await Promise.all(rows.map((row) => this.deliver(row)));
    return rows.length;
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

  private async claim(): Promise<ClaimedRow[]> {
    const { batchSize, leaseMs, emailCap } = this.settings;
    if (!emailCap) return this.claimDue(this.dataSource.manager, batchSize, leaseMs);
    // Counting and claiming under one lock, so workers claiming side by side cannot both spend the last room.
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [EMAIL_CAP_LOCK]);
      // Sent in the window, plus claimed and still leased (on their way out now).
      const [{ used }]: Array<{ used: number }> = await manager.query(
        `SELECT count(*)::int AS used FROM email_outbox
          WHERE channel = 'email'
            AND ((state = 'sent' AND sent_at > now() - make_interval(secs => $1::double precision / 1000))
              OR (state = 'sending' AND next_attempt_at > now()))`,
        [emailCap.windowMs],
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
    channel?: 'email' | 'webhook',
  ): Promise<ClaimedRow[]> {
    if (limit <= 0) return [];
    // Wrapped in a CTE so the driver hands back the rows (a bare UPDATE answers with [rows, count]).
    return manager.query(
      `WITH claimed AS (
         UPDATE email_outbox
            SET state = 'sending',
                attempts = attempts + 1,
                next_attempt_at = now() + make_interval(secs => $2::double precision / 1000)
          WHERE id IN (
            SELECT id FROM email_outbox
             WHERE state IN ('queued', 'sending') AND next_attempt_at <= now()
               AND ($3::text IS NULL OR channel = $3::text)
             ORDER BY next_attempt_at
             LIMIT $1
             FOR UPDATE SKIP LOCKED)
        RETURNING id, channel, recipient, template, locale, payload, message_id, attempts)
       SELECT * FROM claimed`,
      [limit, leaseMs, channel ?? null],
    );
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

  private async deliver(row: ClaimedRow): Promise<void> {
    try {
      if (!row.payload) throw new Error('The email has no content left to send.');
      const data = this.cipher.decrypt(row.payload) as Record<string, unknown>;
      const receipt = row.channel === 'webhook' ? await this.sendWebhook(row, data) : await this.sendEmail(row, data);
      await this.dataSource.query(
        `UPDATE email_outbox
            SET state = 'sent', sent_at = now(), payload = NULL, smtp_response = $2, last_error = NULL
          WHERE id = $1`,
        [row.id, receipt.response.slice(0, 1000)],
      );
    } catch (error) {
      await this.recordFailure(row, error);
    }
  }

  private sendEmail(row: ClaimedRow, data: Record<string, unknown>) {
    const email = this.composer.compose(row.template as EmailTemplate, row.locale, data);
    return this.transport.send({ from: this.settings.from, to: row.recipient, messageId: row.message_id, ...email });
  }

  private sendWebhook(row: ClaimedRow, body: unknown) {
    if (!this.webhooks) throw new DeliveryError('Webhooks are not configured (WEBHOOK_SECRET).', true);
    return this.webhooks.send({ deliveryId: row.id, url: row.recipient, event: row.template, body });
  }

  private async recordFailure(row: ClaimedRow, error: unknown): Promise<void> {
    const failure = classify(error);
    const final = failure.permanent || row.attempts >= this.settings.maxAttempts;
    if (final) {
      this.logger.warn(`Email ${row.id} failed for good after ${row.attempts} attempt(s): ${failure.message}`);
      await this.dataSource.query(
        `UPDATE email_outbox SET state = 'failed', payload = NULL, last_error = $2 WHERE id = $1`,
        [row.id, failure.message],
      );
      return;
    }
    const delayMs = this.retryDelayMs(row.attempts);
    this.logger.warn(
      `Email ${row.id} attempt ${row.attempts} failed, retrying in ${Math.round(delayMs / 1000)} s: ${failure.message}`,
    );
    await this.dataSource.query(
      `UPDATE email_outbox
          SET state = 'queued', last_error = $2,
              next_attempt_at = now() + make_interval(secs => $3::double precision / 1000)
        WHERE id = $1`,
      [row.id, failure.message, delayMs],
    );
  }

  /** Exponential back-off with ±20 % jitter, so a recovering SMTP server is not hit by every row at once. */
  retryDelayMs(attempt: number): number {
    const exponential = this.settings.retryBaseMs * 4 ** Math.max(0, attempt - 1);
    const capped = Math.min(exponential, this.settings.maxRetryDelayMs);
    return Math.round(capped * (0.8 + Math.random() * 0.4));
  }
}
