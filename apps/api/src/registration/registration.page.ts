import { RegisterUser } from '@gatehouse/domain/use-cases/register-user.use-case';
import { ResendConfirmation } from '@gatehouse/domain/use-cases/resend-confirmation.use-case';
import { Body, Controller, Get, Header, HttpCode, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AppConfig } from '../config/app-config';
import { describeDuration } from '../config/durations';
import { ViewRenderer } from '../views/view-renderer';
import { DevInboxLink } from './dev-inbox-link';
import { fieldErrors, formField } from './form-body';

const HTML = 'text/html; charset=utf-8';

/** The sign-up and "send the link again" pages: plain forms that work without JavaScript. */
@Controller()
export class RegistrationPage {
  constructor(
    private readonly registerUser: RegisterUser,
    private readonly resendConfirmation: ResendConfirmation,
    private readonly views: ViewRenderer,
    private readonly config: AppConfig,
    private readonly devInboxUrl: DevInboxLink,
  ) {}

  @Get()
  @Header('Content-Type', HTML)
  show(): string {
    return this.views.render('register', { title: 'Create your account', errors: {} });
  }

  @Post('register')
  @HttpCode(200)
  @Header('Content-Type', HTML)
  async submit(@Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const email = formField(body, 'email');
    try {
      await this.registerUser.execute({ email, password: formField(body, 'password'), locale: 'en' });
    } catch (error) {
      void reply.status(400);
      return this.views.render('register', { title: 'Create your account', email, errors: fieldErrors(error) });
    }
    return this.checkEmail(email);
  }

  @Get('resend')
  @Header('Content-Type', HTML)
  showResend(): string {
    return this.views.render('resend', { title: 'Send the link again', errors: {} });
  }

  @Post('resend')
  @HttpCode(200)
  @Header('Content-Type', HTML)
  async submitResend(@Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const email = formField(body, 'email');
    try {
      await this.resendConfirmation.execute({ email });
    } catch (error) {
      void reply.status(400);
      return this.views.render('resend', { title: 'Send the link again', email, errors: fieldErrors(error) });
    }
    return this.checkEmail(email);
  }

  private checkEmail(email: string): string {
    return this.views.render('check-email', {
      title: 'Check your email',
      email: email.trim(),
      linkLifetime: describeDuration(this.config.confirmationTokenTtlMs),
      inboxUrl: this.devInboxUrl.url,
    });
  }
}
