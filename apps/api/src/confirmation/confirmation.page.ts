import { DomainError } from '@gatehouse/domain/errors/domain-error';
import { InvalidInput } from '@gatehouse/domain/errors/invalid-input.error';
import { ConfirmEmail } from '@gatehouse/domain/use-cases/confirm-email.use-case';
import { ConfirmWithCode } from '@gatehouse/domain/use-cases/confirm-with-code.use-case';
import { DescribeConfirmationLink } from '@gatehouse/domain/use-cases/describe-confirmation-link.use-case';
import type { Locale } from '@gatehouse/infrastructure/i18n/locale';
import { Body, Controller, Get, Header, HttpCode, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { domainErrorResponse } from '../http/error-responses';
import { RequestLocale } from '../http/request-locale.decorator';
import { RateLimit } from '../rate-limits/rate-limit.decorator';
import { fieldErrors, formField } from '../registration/form-body';
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
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    try {
      const result = await this.confirmEmail.execute({ token: formField(body, 'token') });
      return this.views.render('confirmed', locale, { title: 'confirmed.title', ...result });
    } catch (error) {
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
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const email = formField(body, 'email');
    const code = formField(body, 'code');
    try {
      const result = await this.confirmWithCode.execute({ email, code });
      return this.views.render('confirmed', locale, { title: 'confirmed.title', ...result });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const { status, body: answer } = domainErrorResponse(error);
      void reply.status(status);
      const page = { title: 'code.title', email, code };
      if (error instanceof InvalidInput) {
        return this.views.render('confirm-code', locale, { ...page, errors: fieldErrors(error, locale, this.views) });
      }
      const key = 'error' in answer ? (`error.${answer.error}` as PageMessageKey) : undefined;
      return this.views.render('confirm-code', locale, {
        ...page,
        errors: {},
        formError: key ? this.views.text(locale, key) : '',
      });
    }
  }

  private problem(reply: FastifyReply, locale: Locale, problem: LinkProblem): string {
    void reply.status(problem.status);
    return this.views.render('link-problem', locale, {
      title: problem.heading,
      heading: this.views.text(locale, problem.heading),
      message: this.views.text(locale, problem.message),
      offerResend: problem.offerResend,
    });
  }
}
