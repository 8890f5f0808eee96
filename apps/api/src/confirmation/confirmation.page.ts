import { DomainError } from '@gatehouse/domain/errors/domain-error';
import { InvalidInput } from '@gatehouse/domain/errors/invalid-input.error';
import { ConfirmEmail } from '@gatehouse/domain/use-cases/confirm-email.use-case';
import { ConfirmWithCode } from '@gatehouse/domain/use-cases/confirm-with-code.use-case';
import { DescribeConfirmationLink } from '@gatehouse/domain/use-cases/describe-confirmation-link.use-case';
import { Body, Controller, Get, Header, HttpCode, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { domainErrorResponse } from '../http/error-responses';
import { fieldErrors, formField } from '../registration/form-body';
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
  async show(@Query('token') token: unknown, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const secret = typeof token === 'string' ? token : '';
    const link = await this.describeLink.execute({ token: secret });
    switch (link.state) {
      case 'usable':
        return this.views.render('confirm', {
          title: 'Confirm your email',
          maskedEmail: link.maskedEmail,
          token: secret,
        });
      case 'already_confirmed':
        return this.views.render('confirmed', {
          title: 'Already confirmed',
          status: link.state,
          maskedEmail: link.maskedEmail,
        });
      default:
        return this.problem(reply, LINK_PROBLEMS[link.state]);
    }
  }

  @Post()
  @HttpCode(200)
  @Header('Content-Type', HTML)
  @Header('Cache-Control', 'no-store')
  async confirm(@Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    try {
      const result = await this.confirmEmail.execute({ token: formField(body, 'token') });
      return this.views.render('confirmed', { title: 'Email confirmed', ...result });
    } catch (error) {
      const problem = error instanceof DomainError ? linkProblemFor(error.code) : undefined;
      if (!problem) throw error;
      return this.problem(reply, problem);
    }
  }

  @Get('code')
  @Header('Content-Type', HTML)
  showCodeForm(): string {
    return this.views.render('confirm-code', { title: 'Confirm with a code', errors: {} });
  }

  @Post('code')
  @HttpCode(200)
  @Header('Content-Type', HTML)
  @Header('Cache-Control', 'no-store')
  async confirmCode(@Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const email = formField(body, 'email');
    const code = formField(body, 'code');
    try {
      const result = await this.confirmWithCode.execute({ email, code });
      return this.views.render('confirmed', { title: 'Email confirmed', ...result });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const { status, body: answer } = domainErrorResponse(error);
      void reply.status(status);
      const page = { title: 'Confirm with a code', email, code };
      if (error instanceof InvalidInput)
        return this.views.render('confirm-code', { ...page, errors: fieldErrors(error) });
      return this.views.render('confirm-code', {
        ...page,
        errors: {},
        formError: 'message' in answer ? answer.message : '',
      });
    }
  }

  private problem(reply: FastifyReply, problem: LinkProblem): string {
    void reply.status(problem.status);
    return this.views.render('link-problem', { title: problem.heading, ...problem });
  }
}
