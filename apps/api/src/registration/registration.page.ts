import { RegisterUser } from '@gatehouse/domain/use-cases/register-user.use-case';
import { ResendConfirmation } from '@gatehouse/domain/use-cases/resend-confirmation.use-case';
import type { Locale } from '@gatehouse/infrastructure/i18n/locale';
import { Body, Controller, Get, Header, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../config/app-config';
import { RequestLocale } from '../http/request-locale.decorator';
import { RateLimit } from '../rate-limits/rate-limit.decorator';
import { ViewRenderer } from '../views/view-renderer';
import { DevInboxLink } from './dev-inbox-link';
import { formField } from '../views/form-body';
import { submitForm } from '../views/form-refusal';
import { answerNoSoonerThan } from './response-floor';
import { SignUpBrowserCookie } from '../confirmation/sign-up-browser.cookie';

const HTML = 'text/html; charset=utf-8';

/** The sign-up and "send the link again" pages: plain forms that work without JavaScript, in the visitor's language. */
@Controller()
export class RegistrationPage {
  constructor(
    private readonly registerUser: RegisterUser,
    private readonly resendConfirmation: ResendConfirmation,
    private readonly views: ViewRenderer,
    private readonly config: AppConfig,
    private readonly devInboxUrl: DevInboxLink,
    private readonly browser: SignUpBrowserCookie,
  ) {}

  @Get()
  @Header('Content-Type', HTML)
  show(@RequestLocale() locale: Locale): string {
    return this.views.render('register', locale, { title: 'register.title', errors: {} });
  }

  @Post('register')
  @HttpCode(200)
  @Header('Content-Type', HTML)
  @RateLimit('signup', 'register')
  submit(
    @Body() body: unknown,
    @RequestLocale() locale: Locale,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const email = formField(body, 'email');
    const password = formField(body, 'password');
    const browserSecret = this.browser.readOrIssue(request, reply);
    return this.thenCheckEmail('register', email, locale, reply, () =>
      answerNoSoonerThan(this.config.signupMinResponseMs, () =>
        this.registerUser.execute({ email, password, locale, browserSecret }),
      ),
    );
  }

  @Get('resend')
  @Header('Content-Type', HTML)
  showResend(@RequestLocale() locale: Locale): string {
    return this.views.render('resend', locale, { title: 'resend.title', errors: {} });
  }

  @Post('resend')
  @HttpCode(200)
  @Header('Content-Type', HTML)
  @RateLimit('resend', 'resend')
  submitResend(
    @Body() body: unknown,
    @RequestLocale() locale: Locale,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const email = formField(body, 'email');
    return this.thenCheckEmail('resend', email, locale, reply, () =>
      answerNoSoonerThan(this.config.resendMinResponseMs, () => this.resendConfirmation.execute({ email })),
    );
  }

  /** Runs the form's use case: the same form again with each field's problem, or "check your email". */
  private async thenCheckEmail(
    form: 'register' | 'resend',
    email: string,
    locale: Locale,
    reply: FastifyReply,
    action: () => Promise<void>,
  ): Promise<string> {
    const answer = await submitForm(locale, this.views, action);
    if (!answer.refused) return this.checkEmail(email, locale);
    void reply.status(answer.refusal.status);
    return this.views.render(form, locale, { title: `${form}.title`, email, errors: answer.refusal.errors });
  }

  private checkEmail(email: string, locale: Locale): string {
    return this.views.render('check-email', locale, {
      title: 'check.title',
      email: email.trim(),
      linkLifetime: this.views.duration(locale, this.config.confirmationTokenTtlMs),
      inboxUrl: this.devInboxUrl.url,
    });
  }
}
