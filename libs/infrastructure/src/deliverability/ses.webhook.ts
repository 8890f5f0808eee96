import { DeliveryEventPayloadInvalid } from '@gatehouse/domain/deliverability/deliverability.errors';
import type { DeliveryEvent } from '@gatehouse/domain/deliverability/delivery-event';
import { X509Certificate, verify } from 'node:crypto';
import {
  dateOf,
  enhancedStatus,
  isRecord,
  stringField,
  type ProviderRequest,
  type ProviderWebhook,
} from './provider-webhook';

export interface SesWebhookSettings {
  /** SES_SNS_CERT_HOSTS: host patterns (`*` is one DNS label) the certificate and the SubscribeURL may come from. */
  certHosts: string[];
  /**
   * Whether plain http may be used, and then only to a loopback host the list names (a test's own server).
   * False in production: https only, whatever the list says.
   */
  allowLoopbackHttp: boolean;
  fetchTimeoutMs?: number;
}

/** The SNS message fields each type signs, in the order AWS documents for the string to sign. */
const SIGNED_FIELDS: Record<string, readonly string[]> = {
  Notification: ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type'],
  SubscriptionConfirmation: ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'],
  UnsubscribeConfirmation: ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'],
};
const ALGORITHMS: Record<string, string> = { '1': 'sha1', '2': 'sha256' };
const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);
const MAX_CERTIFICATE_BYTES = 16 * 1024;
const MAX_CACHED_CERTIFICATES = 32;

/**
 * Amazon SES's bounce, complaint and delivery notifications through an SNS topic subscribed over HTTPS. Every
 * message (notifications and the subscription's confirmation alike) is verified with SNS's signature: SHA1withRSA
 * (SignatureVersion 1) or SHA256withRSA (2) over the string AWS documents for its type, checked against the
 * certificate at SigningCertURL. That URL is judged (scheme, host against SES_SNS_CERT_HOSTS) before anything is
 * fetched; a certificate is fetched once per URL and kept. The email is found by the Message-ID Gatehouse set,
 * which SES echoes in mail.commonHeaders.messageId (or mail.headers) when the identity includes original headers.
 */
export class SesWebhook implements ProviderWebhook {
  private readonly certificates = new Map<string, Promise<X509Certificate>>();
  private readonly hostPatterns: RegExp[];

  constructor(private readonly settings: SesWebhookSettings) {
    this.hostPatterns = settings.certHosts.map(hostPattern);
  }

  async verify({ body }: ProviderRequest): Promise<boolean> {
    const message = snsMessageOf(body);
    if (!message) return false;
    const type = stringField(message, 'Type') ?? '';
    const fields = SIGNED_FIELDS[type];
    const algorithm = ALGORITHMS[String(message.SignatureVersion ?? '')];
    const signature = stringField(message, 'Signature');
    const certUrl = this.allowedUrl(stringField(message, 'SigningCertURL'));
    if (!fields || !algorithm || !signature || !certUrl || !certUrl.pathname.endsWith('.pem')) return false;
    let signed = '';
    for (const field of fields) {
      const value = message[field];
      // Subject is signed only when the message has one; every other field is required.
      if (value === undefined && field === 'Subject') continue;
      if (typeof value !== 'string') return false;
      signed += `${field}\n${value}\n`;
    }
    try {
      const certificate = await this.certificate(certUrl);
      return verify(algorithm, Buffer.from(signed, 'utf8'), certificate.publicKey, Buffer.from(signature, 'base64'));
    } catch {
      return false;
    }
  }

  /**
   * For a (verified) SubscriptionConfirmation: its SubscribeURL when it may be visited by the same rules as the
   * certificate's, else url null. Null for any other message.
   */
  subscriptionToConfirm({ body }: ProviderRequest): { url: URL | null } | null {
    const message = snsMessageOf(body);
    if (!message || message.Type !== 'SubscriptionConfirmation') return null;
    return { url: this.allowedUrl(stringField(message, 'SubscribeURL')) };
  }

  /** Visits the SubscribeURL, which is how SNS learns the endpoint is willing. */
  async confirmSubscription(url: URL): Promise<boolean> {
    const response = await fetch(url, {
      redirect: 'error',
      signal: AbortSignal.timeout(this.settings.fetchTimeoutMs ?? 5000),
    });
    await response.arrayBuffer();
    return response.ok;
  }

  parse({ body }: ProviderRequest): DeliveryEvent[] {
    const message = snsMessageOf(body);
    if (!message) throw new DeliveryEventPayloadInvalid('An SNS message is one JSON object.');
    if (message.Type !== 'Notification') return [];
    const snsMessageId = stringField(message, 'MessageId') ?? '';
    let notification: unknown;
    try {
      notification = JSON.parse(String(message.Message ?? ''));
    } catch {
      throw new DeliveryEventPayloadInvalid('An SES notification (the SNS Message) is one JSON object.');
    }
    if (!isRecord(notification)) {
      throw new DeliveryEventPayloadInvalid('An SES notification (the SNS Message) is one JSON object.');
    }
    return sesEvents(notification, snsMessageId);
  }

  /** The URL when its scheme and host are allowed; null otherwise, so nothing is ever fetched from it. */
  private allowedUrl(raw: string | undefined): URL | null {
    if (!raw) return null;
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return null;
    }
    if (url.username || url.password) return null;
    const https = url.protocol === 'https:';
    const loopbackHttp = url.protocol === 'http:' && this.settings.allowLoopbackHttp && LOOPBACK.has(url.hostname);
    if (!https && !loopbackHttp) return null;
    return this.hostPatterns.some((pattern) => pattern.test(url.hostname)) ? url : null;
  }

  private certificate(url: URL): Promise<X509Certificate> {
    const key = url.href;
    let pending = this.certificates.get(key);
    if (!pending) {
      if (this.certificates.size >= MAX_CACHED_CERTIFICATES) {
        this.certificates.delete(this.certificates.keys().next().value as string);
      }
      pending = this.fetchCertificate(url);
      this.certificates.set(key, pending);
      // A failed fetch is not kept: the next message tries again.
      pending.catch(() => this.certificates.delete(key));
    }
    return pending;
  }

  private async fetchCertificate(url: URL): Promise<X509Certificate> {
    const response = await fetch(url, {
      redirect: 'error',
      signal: AbortSignal.timeout(this.settings.fetchTimeoutMs ?? 5000),
    });
    const pem = Buffer.from(await response.arrayBuffer());
    if (!response.ok || pem.length > MAX_CERTIFICATE_BYTES) throw new Error(`certificate fetch: ${response.status}`);
    const certificate = new X509Certificate(pem);
    const now = Date.now();
    if (Date.parse(certificate.validFrom) > now || Date.parse(certificate.validTo) < now) {
      throw new Error('certificate not valid now');
    }
    return certificate;
  }
}

/** SNS posts its JSON as text/plain: the body arrives as a string, or parsed when sent as application/json. */
function snsMessageOf(body: unknown): Record<string, unknown> | null {
  if (isRecord(body)) return body;
  if (typeof body !== 'string') return null;
  try {
    const parsed: unknown = JSON.parse(body);
    return isRecord(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/** `sns.*.amazonaws.com`: each `*` is exactly one DNS label, the rest is literal. */
function hostPattern(pattern: string): RegExp {
  const escaped = pattern
    .toLowerCase()
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('[a-z0-9-]+');
  return new RegExp(`^${escaped}$`);
}

/** "smtp; 550 5.1.1 <jane@example.com>... User" without the diagnostic type. */
function diagnosticText(raw: string | undefined): string | null {
  return raw ? raw.replace(/^\s*smtp\s*;\s*/i, '').slice(0, 1000) : null;
}

function recordsOf(value: unknown): Array<Record<string, unknown>> {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

function messageIdOf(mail: Record<string, unknown>): string | undefined {
  const common = isRecord(mail.commonHeaders) ? mail.commonHeaders : {};
  const fromCommon = stringField(common, 'messageId');
  if (fromCommon) return fromCommon;
  const header = recordsOf(mail.headers).find((h) => String(h.name).toLowerCase() === 'message-id');
  return header ? stringField(header, 'value') : undefined;
}

function sesEvents(notification: Record<string, unknown>, snsMessageId: string): DeliveryEvent[] {
  const mail = isRecord(notification.mail) ? notification.mail : {};
  const messageId = messageIdOf(mail);
  if (!messageId) return [];
  const base = { provider: 'ses' as const, email: { messageId } };
  // Notifications say notificationType; event publishing through a configuration set says eventType.
  const type = stringField(notification, 'notificationType') ?? stringField(notification, 'eventType');
  switch (type) {
    case 'Bounce': {
      const bounce = isRecord(notification.bounce) ? notification.bounce : {};
      const kind = stringField(bounce, 'bounceType');
      const bounceType = kind === 'Permanent' ? 'hard' : 'soft';
      const id = stringField(bounce, 'feedbackId') ?? snsMessageId;
      const occurredAt = dateOf(bounce.timestamp, new Date());
      return recordsOf(bounce.bouncedRecipients).map((recipient, index) => {
        const diagnostic = diagnosticText(stringField(recipient, 'diagnosticCode'));
        return {
          ...base,
          kind: 'bounced' as const,
          bounceType,
          providerEventId: `bounce:${id}:${stringField(recipient, 'emailAddress') ?? index}`,
          occurredAt,
          smtpStatus: stringField(recipient, 'status') ?? enhancedStatus(diagnostic ?? undefined),
          diagnostic,
        };
      });
    }
    case 'Complaint': {
      const complaint = isRecord(notification.complaint) ? notification.complaint : {};
      const id = stringField(complaint, 'feedbackId') ?? snsMessageId;
      return recordsOf(complaint.complainedRecipients).map((recipient, index) => ({
        ...base,
        kind: 'complained' as const,
        providerEventId: `complaint:${id}:${stringField(recipient, 'emailAddress') ?? index}`,
        occurredAt: dateOf(complaint.timestamp, new Date()),
        feedbackType: stringField(complaint, 'complaintFeedbackType') ?? null,
      }));
    }
    case 'Delivery': {
      const delivery = isRecord(notification.delivery) ? notification.delivery : {};
      const recipients = Array.isArray(delivery.recipients) ? delivery.recipients : [];
      return recipients.map((recipient, index) => ({
        ...base,
        kind: 'delivered' as const,
        providerEventId: `delivery:${stringField(mail, 'messageId') ?? snsMessageId}:${typeof recipient === 'string' ? recipient : index}`,
        occurredAt: dateOf(delivery.timestamp, new Date()),
      }));
    }
    case 'DeliveryDelay': {
      const delay = isRecord(notification.deliveryDelay) ? notification.deliveryDelay : {};
      return recordsOf(delay.delayedRecipients).map((recipient, index) => {
        const diagnostic = diagnosticText(stringField(recipient, 'diagnosticCode'));
        return {
          ...base,
          kind: 'deferred' as const,
          providerEventId: `delay:${snsMessageId}:${stringField(recipient, 'emailAddress') ?? index}`,
          occurredAt: dateOf(delay.timestamp, new Date()),
          smtpStatus: stringField(recipient, 'status') ?? enhancedStatus(diagnostic ?? undefined),
          diagnostic,
        };
      });
    }
    default:
      return [];
  }
}
