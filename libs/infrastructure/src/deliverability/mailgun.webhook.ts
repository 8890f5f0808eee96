import { DeliveryEventPayloadInvalid } from '@gatehouse/domain/deliverability/deliverability.errors';
import type { DeliveryEvent } from '@gatehouse/domain/deliverability/delivery-event';
import { createHmac } from 'node:crypto';
import {
  dateOf,
  isRecord,
  sameSecret,
  stringField,
  type ProviderRequest,
  type ProviderWebhook,
} from './provider-webhook';

/** Mailgun's tokens are single-use: each is taken once, the store says whether it was new. */
export interface NonceStore {
  take(provider: string, nonce: string, now: Date, forgetBefore: Date): Promise<boolean>;
}

/** How far a signature's timestamp may be from now, either way. */
export const MAILGUN_TIMESTAMP_TOLERANCE_MS = 5 * 60 * 1000;

/**
 * Mailgun's webhooks: the body carries `signature` {timestamp, token, signature}, the signature being the
 * HMAC-SHA-256 of timestamp + token under MAILGUN_WEBHOOK_SIGNING_KEY. A stale timestamp or a token seen before
 * is refused. The email is found by the Message-ID Mailgun echoes (event-data.message.headers.message-id).
 */
export class MailgunWebhook implements ProviderWebhook {
  constructor(
    private readonly signingKey: string | undefined,
    private readonly nonces: NonceStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async verify({ body }: ProviderRequest): Promise<boolean> {
    if (!this.signingKey || !isRecord(body) || !isRecord(body.signature)) return false;
    const timestamp = stringField(body.signature, 'timestamp');
    const token = stringField(body.signature, 'token');
    const signature = stringField(body.signature, 'signature');
    if (!timestamp || !token || !signature || !/^\d{1,12}$/.test(timestamp)) return false;
    const expected = createHmac('sha256', this.signingKey)
      .update(timestamp + token)
      .digest('hex');
    if (!sameSecret(signature.toLowerCase(), expected)) return false;
    const now = this.now();
    if (Math.abs(now.getTime() - Number(timestamp) * 1000) > MAILGUN_TIMESTAMP_TOLERANCE_MS) return false;
    // Only a signed token is taken, so nobody can use up tokens Mailgun has yet to send.
    return this.nonces.take('mailgun', token, now, new Date(now.getTime() - 2 * MAILGUN_TIMESTAMP_TOLERANCE_MS));
  }

  parse({ body }: ProviderRequest): DeliveryEvent[] {
    if (!isRecord(body) || !isRecord(body['event-data'])) {
      throw new DeliveryEventPayloadInvalid('A Mailgun webhook body has "signature" and "event-data" objects.');
    }
    const data = body['event-data'];
    const id = stringField(data, 'id');
    const message = isRecord(data.message) ? data.message : {};
    const headers = isRecord(message.headers) ? message.headers : {};
    const messageId = stringField(headers, 'message-id');
    if (!id || !messageId) return [];
    const status = isRecord(data['delivery-status']) ? data['delivery-status'] : {};
    const code = typeof status.code === 'number' ? String(status.code) : stringField(status, 'code');
    const smtpStatus = stringField(status, 'enhanced-code') ?? code ?? null;
    const diagnostic = (stringField(status, 'message') ?? stringField(status, 'description') ?? null)?.slice(0, 1000);
    const base = {
      provider: 'mailgun' as const,
      providerEventId: id,
      email: { messageId },
      occurredAt: dateOf(data.timestamp, new Date()),
    };
    switch (stringField(data, 'event')) {
      case 'delivered':
        return [{ ...base, kind: 'delivered' }];
      case 'failed':
        if (stringField(data, 'severity') === 'temporary') {
          return [{ ...base, kind: 'deferred', smtpStatus, diagnostic: diagnostic ?? null }];
        }
        return [
          {
            ...base,
            kind: 'bounced',
            bounceType: stringField(data, 'severity') === 'permanent' ? 'hard' : 'soft',
            smtpStatus,
            diagnostic: diagnostic ?? null,
          },
        ];
      case 'complained':
        return [{ ...base, kind: 'complained', feedbackType: 'abuse' }];
      default:
        return [];
    }
  }
}
