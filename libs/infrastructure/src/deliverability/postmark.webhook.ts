import { DeliveryEventPayloadInvalid } from '@gatehouse/domain/deliverability/deliverability.errors';
import type { DeliveryEvent, EmailReference } from '@gatehouse/domain/deliverability/delivery-event';
import {
  EMAIL_ID_METADATA,
  dateOf,
  enhancedStatus,
  header,
  isRecord,
  sameSecret,
  stringField,
  type ProviderRequest,
  type ProviderWebhook,
} from './provider-webhook';

// Bounce types Postmark documents (its Bounce webhook's `Type`) that say the mailbox will not take mail.
const HARD = new Set(['HardBounce', 'BadEmailAddress', 'ManuallyDeactivated']);
// Those that may pass later.
const SOFT = new Set(['SoftBounce', 'Transient', 'DnsError', 'Blocked', 'DMARCPolicy']);

/**
 * Postmark's webhooks, secured with HTTP basic credentials on the webhook URL (POSTMARK_WEBHOOK_USER and
 * POSTMARK_WEBHOOK_PASSWORD). Postmark replaces the Message-ID, so the email is found by the metadata header
 * every email carries (X-PM-Metadata-gatehouse-email-id), which Postmark echoes in `Metadata`.
 */
export class PostmarkWebhook implements ProviderWebhook {
  constructor(private readonly credentials: { user?: string; password?: string }) {}

  async verify(request: ProviderRequest): Promise<boolean> {
    const { user, password } = this.credentials;
    if (!user || !password) return false;
    const authorization = header(request, 'authorization') ?? '';
    const [scheme, encoded] = authorization.split(' ');
    if (scheme?.toLowerCase() !== 'basic' || !encoded) return false;
    const given = Buffer.from(encoded, 'base64').toString('utf8');
    // User and password compared as one: the answer does not tell which one was wrong.
    return sameSecret(given, `${user}:${password}`);
  }

  parse({ body }: ProviderRequest): DeliveryEvent[] {
    if (!isRecord(body)) throw new DeliveryEventPayloadInvalid('A Postmark webhook body is one JSON object.');
    const recordType = stringField(body, 'RecordType');
    const email = reference(body);
    if (!email) return [];
    const messageId = stringField(body, 'MessageID') ?? '';
    const base = { provider: 'postmark' as const, email };
    switch (recordType) {
      case 'Delivery':
        return [
          {
            ...base,
            kind: 'delivered',
            providerEventId: `delivery:${messageId}:${stringField(body, 'Recipient') ?? ''}`,
            occurredAt: dateOf(body.DeliveredAt, new Date()),
          },
        ];
      case 'SpamComplaint':
        return [
          {
            ...base,
            kind: 'complained',
            providerEventId: `complaint:${String(body.ID ?? messageId)}`,
            occurredAt: dateOf(body.BouncedAt, new Date()),
            feedbackType: 'abuse',
          },
        ];
      case 'Bounce': {
        const type = stringField(body, 'Type') ?? '';
        const bounceType = HARD.has(type) ? 'hard' : SOFT.has(type) ? 'soft' : null;
        if (type === 'SpamComplaint') {
          return [
            {
              ...base,
              kind: 'complained',
              providerEventId: `complaint:${String(body.ID ?? messageId)}`,
              occurredAt: dateOf(body.BouncedAt, new Date()),
              feedbackType: 'abuse',
            },
          ];
        }
        if (!bounceType) return [];
        const details = stringField(body, 'Details') ?? stringField(body, 'Description') ?? null;
        return [
          {
            ...base,
            kind: 'bounced',
            bounceType,
            providerEventId: `bounce:${String(body.ID ?? messageId)}`,
            occurredAt: dateOf(body.BouncedAt, new Date()),
            smtpStatus: enhancedStatus(details ?? undefined),
            diagnostic: details?.slice(0, 1000) ?? null,
          },
        ];
      }
      default:
        return [];
    }
  }
}

function reference(body: Record<string, unknown>): EmailReference | null {
  const metadata = isRecord(body.Metadata) ? body.Metadata : {};
  const outboxId = stringField(metadata, EMAIL_ID_METADATA);
  return outboxId ? { outboxId } : null;
}
