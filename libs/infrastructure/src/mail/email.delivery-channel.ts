import type { DeliveryChannel } from './delivery-channel';
import type { EmailComposer } from './email-composer';
import type { MailReceipt } from './mail-message';
import type { DeliveryError, MailTransport } from './mail-transport';
import { classifySmtpFailure } from './mailer.mail-transport';
import type { EmailDelivery } from './outbox-delivery';
import type { OutboxPayloadCipher } from './outbox-payload.cipher';
import { EMAIL_ID_METADATA } from '../deliverability/provider-webhook';
import { SENDGRID_EMAIL_ID_ARG } from '../deliverability/sendgrid.webhook';

/**
 * The outbox id, where providers that replace the Message-ID echo it back in their events: Postmark's metadata
 * header and SendGrid's unique args. Other relays pass them on unread.
 */
export function providerHeaders(outboxId: string): Record<string, string> {
  return {
    [`X-PM-Metadata-${EMAIL_ID_METADATA}`]: outboxId,
    'X-SMTPAPI': JSON.stringify({ unique_args: { [SENDGRID_EMAIL_ID_ARG]: outboxId } }),
  };
}

/** Emails: composed from their template at send time and handed to the transport; judged by SMTP's rules. */
export class EmailDeliveryChannel implements DeliveryChannel<EmailDelivery> {
  constructor(
    private readonly cipher: OutboxPayloadCipher,
    private readonly composer: EmailComposer,
    private readonly transport: MailTransport,
    private readonly from: string,
  ) {}

  async send(delivery: EmailDelivery): Promise<MailReceipt> {
    if (!delivery.data) throw new Error('The email has no content left to send.');
    const data = this.cipher.decrypt(delivery.data) as Record<string, unknown>;
    const email = this.composer.compose(delivery.template, delivery.locale, data);
    return this.transport.send({
      from: this.from,
      to: delivery.to,
      messageId: delivery.messageId,
      headers: providerHeaders(delivery.id),
      ...email,
    });
  }

  classify(error: unknown): DeliveryError {
    return classifySmtpFailure(error);
  }
}
