import { DeliveryError } from '../mail/mail-transport';
import { classifySmtpFailure } from '../mail/mailer.mail-transport';
import { classifyWebhookFailure, WebhookFailure } from './webhook-failure';

describe('Each channel judges its own failures', () => {
  const answered = (status: number) => new WebhookFailure(`Webhook answered HTTP ${status}`, status);

  it('webhooks: a receiver that said no (4xx) said it for good', () => {
    for (const status of [400, 401, 404, 410, 422]) {
      expect(classifyWebhookFailure(answered(status))).toMatchObject({
        permanent: true,
        message: `Webhook answered HTTP ${status}`,
      });
    }
  });

  it('webhooks: a busy, rate-limiting, broken or silent receiver gets retries', () => {
    for (const status of [408, 429, 500, 502, 503])
      expect(classifyWebhookFailure(answered(status)).permanent).toBe(false);
    const silent = new WebhookFailure('Webhook request failed: The operation was aborted due to timeout');
    expect(classifyWebhookFailure(silent)).toMatchObject({ permanent: false, message: silent.message });
  });

  it("webhooks: SMTP's answers mean nothing here, and a decision already made stands", () => {
    const smtpLike = Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 });
    expect(classifyWebhookFailure(smtpLike)).toMatchObject({
      permanent: false,
      message: 'Webhook error: Mailbox unavailable',
    });
    const decided = new DeliveryError('Webhooks are not configured (WEBHOOK_SECRET).', true);
    expect(classifyWebhookFailure(decided)).toBe(decided);
  });

  it('emails: 5xx is final; 4xx and a lost connection are worth another try', () => {
    const smtp = (responseCode: number, response: string) =>
      Object.assign(new Error(response), { responseCode, response });
    expect(classifySmtpFailure(smtp(550, '550 No such user'))).toMatchObject({
      permanent: true,
      message: 'SMTP 550: 550 No such user',
    });
    expect(classifySmtpFailure(smtp(421, '421 Try again later')).permanent).toBe(false);
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:25'), { code: 'ECONNREFUSED' });
    expect(classifySmtpFailure(refused)).toMatchObject({
      permanent: false,
      message: 'ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:25',
    });
  });
});
