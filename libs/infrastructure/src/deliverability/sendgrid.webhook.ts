import { DeliveryEventPayloadInvalid } from '@gatehouse/domain/deliverability/deliverability.errors';
import type { DeliveryEvent } from '@gatehouse/domain/deliverability/delivery-event';
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import {
  EMAIL_ID_METADATA,
  dateOf,
  enhancedStatus,
  header,
  isRecord,
  stringField,
  type ProviderRequest,
  type ProviderWebhook,
} from './provider-webhook';

/** The unique arg every email carries in X-SMTPAPI, which SendGrid echoes as a field of each event. */
export const SENDGRID_EMAIL_ID_ARG = EMAIL_ID_METADATA.replace(/-/g, '_');

/**
 * SendGrid's signed event webhook: X-Twilio-Email-Event-Webhook-Signature is an ECDSA (P-256, SHA-256) signature,
 * base64 DER, over X-Twilio-Email-Event-Webhook-Timestamp followed by the raw body, verified with the public key
 * SendGrid shows (SENDGRID_WEBHOOK_PUBLIC_KEY, base64 DER). The body is an array of events; the email is found
 * by the unique arg Gatehouse put in each email's X-SMTPAPI header.
 */
export class SendGridWebhook implements ProviderWebhook {
  private readonly key: KeyObject | undefined;

  constructor(publicKey: string | undefined) {
    this.key = publicKey ? sendGridPublicKey(publicKey) : undefined;
  }

  async verify(request: ProviderRequest): Promise<boolean> {
    const signature = header(request, 'x-twilio-email-event-webhook-signature');
    const timestamp = header(request, 'x-twilio-email-event-webhook-timestamp');
    if (!this.key || !signature || !timestamp) return false;
    try {
      const signed = Buffer.concat([Buffer.from(timestamp), request.rawBody]);
      return verify('sha256', signed, this.key, Buffer.from(signature, 'base64'));
    } catch {
      return false;
    }
  }

  parse({ body }: ProviderRequest): DeliveryEvent[] {
    if (!Array.isArray(body)) throw new DeliveryEventPayloadInvalid('A SendGrid event webhook body is a JSON array.');
    return body.flatMap((item): DeliveryEvent[] => {
      if (!isRecord(item)) return [];
      const id = stringField(item, 'sg_event_id');
      const outboxId = stringField(item, SENDGRID_EMAIL_ID_ARG);
      if (!id || !outboxId) return [];
      const reason = stringField(item, 'reason') ?? stringField(item, 'response');
      const smtpStatus = stringField(item, 'status') ?? enhancedStatus(reason);
      const base = {
        provider: 'sendgrid' as const,
        providerEventId: id,
        email: { outboxId },
        occurredAt: dateOf(item.timestamp, new Date()),
      };
      switch (stringField(item, 'event')) {
        case 'delivered':
          return [{ ...base, kind: 'delivered' }];
        case 'deferred':
          return [{ ...base, kind: 'deferred', smtpStatus, diagnostic: reason?.slice(0, 1000) ?? null }];
        case 'bounce': {
          // "blocked" bounces (the receiver refused for now: reputation, content) may pass later.
          const bounceType = stringField(item, 'type') === 'blocked' ? 'soft' : 'hard';
          return [{ ...base, kind: 'bounced', bounceType, smtpStatus, diagnostic: reason?.slice(0, 1000) ?? null }];
        }
        case 'spamreport':
          return [{ ...base, kind: 'complained', feedbackType: 'abuse' }];
        default:
          return [];
      }
    });
  }
}

/** The key as SendGrid shows it (base64 DER, SubjectPublicKeyInfo), or as PEM. */
export function sendGridPublicKey(raw: string): KeyObject {
  const trimmed = raw.trim();
  return trimmed.startsWith('-----BEGIN')
    ? createPublicKey(trimmed)
    : createPublicKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'spki' });
}
