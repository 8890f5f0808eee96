import { ConfirmEmail } from '@gatehouse/domain/use-cases/confirm-email.use-case';
import { ConfirmWithCode } from '@gatehouse/domain/use-cases/confirm-with-code.use-case';
import { DescribeConfirmationLink } from '@gatehouse/domain/use-cases/describe-confirmation-link.use-case';
import type { Locale } from '@gatehouse/infrastructure/i18n/locale';
import { Body, Controller, Get, Header, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../config/app-config';
import { RequestLocale } from '../http/request-locale.decorator';
import { RateLimit } from '../rate-limits/rate-limit.decorator';
import { formField } from '../views/form-body';
import { submitForm } from '../views/form-refusal';
import { answerNoSoonerThan } from '../registration/response-floor';
import { SignUpBrowserCookie } from './sign-up-browser.cookie';
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
    const answer = await submitForm(locale, this.views, () =>
      this.confirmEmail.execute({
        token,
        password: formField(body, 'password') || undefined,
        browserSecret: this.browser.read(request),
      }),
    );
    if (!answer.refused) return this.views.render('confirmed', locale, { title: 'confirmed.title', ...answer.value });
    const { refusal } = answer;
    const problem = linkProblemFor(refusal.code);
    if (problem) return this.problem(reply, locale, problem);
    // The address was signed up more than once: the same button, and the password that says whose sign-up.
    void reply.status(refusal.status);
    return this.views.render('confirm', locale, {
      title: 'confirm.title',
      token,
      askPassword: refusal.code === 'password_required',
      formError: refusal.formError,
    });
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
    const answer = await submitForm(locale, this.views, () =>
      answerNoSoonerThan(this.config.confirmCodeMinResponseMs, () =>
        this.confirmWithCode.execute({
          email,
          code,
          password: formField(body, 'password') || undefined,
          browserSecret: this.browser.read(request),
        }),
      ),
    );
    if (!answer.refused) return this.views.render('confirmed', locale, { title: 'confirmed.title', ...answer.value });
    const { refusal } = answer;
    void reply.status(refusal.status);
    return this.views.render('confirm-code', locale, {
      title: 'code.title',
      email,
      code,
      errors: refusal.errors,
      askPassword: refusal.code === 'password_required',
      formError: refusal.formError,
    });
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
