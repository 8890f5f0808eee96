import { PasswordRequired } from '@gatehouse/domain/confirmation/confirmation.errors';
import { DomainError } from '@gatehouse/domain/errors/domain-error';
import { InvalidInput } from '@gatehouse/domain/errors/invalid-input.error';
import { ConfirmEmail } from '@gatehouse/domain/use-cases/confirm-email.use-case';
import { ConfirmWithCode } from '@gatehouse/domain/use-cases/confirm-with-code.use-case';
import { DescribeConfirmationLink } from '@gatehouse/domain/use-cases/describe-confirmation-link.use-case';
import type { Locale } from '@gatehouse/infrastructure/i18n/locale';
import { Body, Controller, Get, Header, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../config/app-config';
import { domainErrorResponse } from '../http/error-responses';
import { RequestLocale } from '../http/request-locale.decorator';
import { RateLimit } from '../rate-limits/rate-limit.decorator';
import { fieldErrors, formField } from '../views/form-body';
import { answerNoSoonerThan } from '../registration/response-floor';
import { SignUpBrowserCookie } from './sign-up-browser.cookie';
import type { PageMessageKey } from '../views/page-messages';
import { ViewRenderer } from '../views/view-renderer';
import { LINK_PROBLEMS, linkProblemFor, type LinkProblem } from './link-problems';

const HTML = 'text/html; charset=utf-8';

/**
 * The page behind the link in the email. GET only shows a button: mail scanners open links with GET and
 * HEAD, so nothing may change until a person presses it (a POST).
 */
@Controller('confirm')
export class ConfirmationPage {
  constructor(
    private readonly describeLink: DescribeConfirmationLink,
    private readonly confirmEmail: ConfirmEmail,
    private readonly confirmWithCode: ConfirmWithCode,
    private readonly views: ViewRenderer,
    private readonly browser: SignUpBrowserCookie,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @Header('Content-Type', HTML)
  @Header('Cache-Control', 'no-store')
  @Header('Referrer-Policy', 'no-referrer')
  async show(
    @Query('token') token: unknown,
    @RequestLocale() locale: Locale,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const secret = typeof token === 'string' ? token : '';
    const link = await this.describeLink.execute({ token: secret });
    switch (link.state) {
      case 'usable':
        return this.views.render('confirm', locale, {
          title: 'confirm.title',
          maskedEmail: link.maskedEmail,
          token: secret,
        });
      case 'already_confirmed':
        return this.views.render('confirmed', locale, {
          title: 'confirmed.already_title',
          status: link.state,
          maskedEmail: link.maskedEmail,
        });
      default:
        return this.problem(reply, locale, LINK_PROBLEMS[link.state]);
    }
  }

  @Post()
  @HttpCode(200)
  @Header('Content-Type', HTML)
  @Header('Cache-Control', 'no-store')
  @RateLimit('confirm', 'confirm')
  async confirm(
    @Body() body: unknown,
    @RequestLocale() locale: Locale,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const token = formField(body, 'token');
    try {
      const result = await this.confirmEmail.execute({
        token,
        password: formField(body, 'password') || undefined,
        browserSecret: this.browser.read(request),
      });
      return this.views.render('confirmed', locale, { title: 'confirmed.title', ...result });
    } catch (error) {
      if (error instanceof PasswordRequired) {
        void reply.status(409);
        return this.views.render('confirm', locale, {
          title: 'confirm.title',
          token,
          askPassword: true,
          formError: this.passwordProblem(locale, error),
        });
      }
      const problem = error instanceof DomainError ? linkProblemFor(error.code) : undefined;
      if (!problem) throw error;
      return this.problem(reply, locale, problem);
    }
  }

  @Get('code')
  @Header('Content-Type', HTML)
  showCodeForm(@RequestLocale() locale: Locale): string {
    return this.views.render('confirm-code', locale, { title: 'code.title', errors: {} });
  }

  @Post('code')
  @HttpCode(200)
  @Header('Content-Type', HTML)
  @Header('Cache-Control', 'no-store')
  @RateLimit('confirm', 'confirmCode')
  async confirmCode(
    @Body() body: unknown,
    @RequestLocale() locale: Locale,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const email = formField(body, 'email');
    const code = formField(body, 'code');
    try {
      const result = await answerNoSoonerThan(this.config.confirmCodeMinResponseMs, () =>
        this.confirmWithCode.execute({
          email,
          code,
          password: formField(body, 'password') || undefined,
          browserSecret: this.browser.read(request),
        }),
      );
      return this.views.render('confirmed', locale, { title: 'confirmed.title', ...result });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const { status, body: answer } = domainErrorResponse(error);
      void reply.status(status);
      const page = { title: 'code.title', email, code };
      if (error instanceof InvalidInput) {
        return this.views.render('confirm-code', locale, { ...page, errors: fieldErrors(error, locale, this.views) });
      }
      if (error instanceof PasswordRequired) {
        return this.views.render('confirm-code', locale, {
          ...page,
          errors: {},
          askPassword: true,
          formError: this.passwordProblem(locale, error),
        });
      }
      const key = 'error' in answer ? (`error.${answer.error}` as PageMessageKey) : undefined;
      return this.views.render('confirm-code', locale, {
        ...page,
        errors: {},
        formError: key ? this.views.text(locale, key) : '',
      });
    }
  }

  private passwordProblem(locale: Locale, error: PasswordRequired): string {
    return this.views.text(locale, error.mismatch ? 'error.password_mismatch' : 'error.password_required');
  }

  private problem(reply: FastifyReply, locale: Locale, problem: LinkProblem): string {
    void reply.status(problem.status);
    return this.views.render('link-problem', locale, {
      title: problem.heading,
      heading: this.views.text(locale, problem.heading),
      message: this.views.text(locale, problem.message),
      offerResend: problem.offerResend,
      contactSupport: problem === LINK_PROBLEMS.disabled ? this.config.supportEmail : undefined,
    });
  }
}
