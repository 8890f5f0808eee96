import type { MailerService } from '@nestjs-modules/mailer';
import type { MailMessage, MailReceipt } from './mail-message';
import { DeliveryError, MailTransport } from './mail-transport';

interface SmtpFailure {
  message?: string;
  responseCode?: number;
  code?: string;
  response?: string;
  rejected?: string[];
}

/**
 * Sends through @nestjs-modules/mailer, whose nodemailer transport speaks SMTP. The mailer renders the HTML part
 * from the message's template and context, so it must be set up with EmailComposer's mailerTemplateOptions.
 */
export class MailerMailTransport extends MailTransport {
  constructor(private readonly mailer: MailerService) {
    super();
  }

  async send(message: MailMessage): Promise<MailReceipt> {
    try {
      const info = (await this.mailer.sendMail({
        from: message.from,
        to: message.to,
        subject: message.subject,
        template: message.template,
        context: message.context,
        text: message.text,
        messageId: message.messageId,
        // As written: SendGrid reads X-SMTPAPI as raw JSON, which MIME encoded-words would hide.
        headers:
          message.headers &&
          Object.fromEntries(Object.entries(message.headers).map(([name, value]) => [name, { prepared: true, value }])),
      })) as { response?: string; rejected?: string[] };
      if (info.rejected?.length) throw new DeliveryError(`Recipient rejected: ${info.response ?? ''}`.trim(), true);
      return { response: info.response ?? '' };
    } catch (error) {
      throw classifySmtpFailure(error);
    }
  }
}

/**
 * SMTP's rules: 5xx answers (a rejected recipient, a refused message) are final; 4xx answers, a lost connection
 * or a timeout may pass on a later try. Only emails are judged by them; webhooks have their own.
 */
export function classifySmtpFailure(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const failure = (error ?? {}) as SmtpFailure;
  const detail = failure.response ?? failure.message ?? String(error);
  const code = failure.responseCode;
  const permanent = typeof code === 'number' && code >= 500 && code < 600;
  const prefix = code ? `SMTP ${code}` : (failure.code ?? 'SMTP error');
  return new DeliveryError(`${prefix}: ${detail}`.slice(0, 1000), permanent);
}
