import { DeliveryEventUnverified } from '@gatehouse/domain/deliverability/deliverability.errors';
import { RecordDeliveryEvent } from '@gatehouse/domain/use-cases/record-delivery-event.use-case';
import { MailgunWebhook } from '@gatehouse/infrastructure/deliverability/mailgun.webhook';
import { PostmarkWebhook } from '@gatehouse/infrastructure/deliverability/postmark.webhook';
import type { ProviderWebhook } from '@gatehouse/infrastructure/deliverability/provider-webhook';
import { SendGridWebhook } from '@gatehouse/infrastructure/deliverability/sendgrid.webhook';
import { SesWebhook } from '@gatehouse/infrastructure/deliverability/ses.webhook';
import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { rawBodyOf } from '../http/json-body.parser';

/** What a provider is told: how many events it sent, how many were new, how many repeats. */
export interface EmailEventsReceipt {
  received: number;
  recorded: number;
  repeated: number;
  /** Events about no email of Gatehouse's (another sender's, or a deleted account's). */
  ignored: number;
  /** SES only: a verified SubscriptionConfirmation whose SubscribeURL was visited (false: not an allowed host). */
  subscriptionConfirmed?: boolean;
}

/** Providers' event webhooks: verified as each provider signs, refused with 401 (nothing stored) when that fails. */
@ApiExcludeController()
@Controller('api/email-events')
export class EmailEventsController {
  constructor(
    private readonly record: RecordDeliveryEvent,
    private readonly postmark: PostmarkWebhook,
    private readonly mailgun: MailgunWebhook,
    private readonly sendgrid: SendGridWebhook,
    private readonly ses: SesWebhook,
  ) {}

  @Post('postmark')
  @HttpCode(200)
  fromPostmark(@Req() request: FastifyRequest): Promise<EmailEventsReceipt> {
    return this.receive(this.postmark, request);
  }

  @Post('mailgun')
  @HttpCode(200)
  fromMailgun(@Req() request: FastifyRequest): Promise<EmailEventsReceipt> {
    return this.receive(this.mailgun, request);
  }

  @Post('sendgrid')
  @HttpCode(200)
  fromSendGrid(@Req() request: FastifyRequest): Promise<EmailEventsReceipt> {
    return this.receive(this.sendgrid, request);
  }

  /** Amazon SES through an SNS topic: notifications, and the subscription's confirmation (both signed by SNS). */
  @Post('ses')
  @HttpCode(200)
  async fromSes(@Req() request: FastifyRequest): Promise<EmailEventsReceipt> {
    const incoming = { headers: request.headers, rawBody: rawBodyOf(request), body: request.body };
    if (!(await this.ses.verify(incoming))) throw new DeliveryEventUnverified();
    const subscription = this.ses.subscriptionToConfirm(incoming);
    if (subscription) {
      const subscriptionConfirmed = subscription.url ? await this.ses.confirmSubscription(subscription.url) : false;
      return { received: 0, recorded: 0, repeated: 0, ignored: 0, subscriptionConfirmed };
    }
    return this.receive(this.ses, request);
  }

  private async receive(webhook: ProviderWebhook, request: FastifyRequest): Promise<EmailEventsReceipt> {
    const incoming = { headers: request.headers, rawBody: rawBodyOf(request), body: request.body };
    if (!(await webhook.verify(incoming))) throw new DeliveryEventUnverified();
    const events = webhook.parse(incoming);
    const receipt: EmailEventsReceipt = { received: events.length, recorded: 0, repeated: 0, ignored: 0 };
    for (const event of events) {
      const { outcome } = await this.record.execute(event);
      if (outcome === 'recorded') receipt.recorded += 1;
      else if (outcome === 'repeated') receipt.repeated += 1;
      else receipt.ignored += 1;
    }
    return receipt;
  }
}
