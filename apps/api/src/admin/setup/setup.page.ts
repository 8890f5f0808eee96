import { InvalidInput } from '@gatehouse/domain/errors/invalid-input.error';
import { SetupLinkInvalid } from '@gatehouse/domain/staff/staff.errors';
import { CompleteStaffSetup } from '@gatehouse/domain/use-cases/complete-staff-setup.use-case';
import { Body, Controller, Get, Header, HttpCode, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { formField } from '../../registration/form-body';
import { ViewRenderer } from '../../views/view-renderer';

const HTML = 'text/html; charset=utf-8';
const TITLE = 'Create the first admin';

/**
 * The page behind the one-time setup link that `npm start` prints while there is no staff. Staff-facing and in
 * English, like the development inbox. The token travels in the query string, which the logs never record.
 */
@Controller('admin/setup')
export class SetupPage {
  constructor(
    private readonly completeSetup: CompleteStaffSetup,
    private readonly views: ViewRenderer,
  ) {}

  @Get()
  @Header('Content-Type', HTML)
  @Header('Cache-Control', 'no-store')
  @Header('Referrer-Policy', 'no-referrer')
  show(@Query('token') token: unknown): string {
    return this.views.render('admin-setup', 'en', { title: TITLE, token: typeof token === 'string' ? token : '' });
  }

  @Post()
  @HttpCode(200)
  @Header('Content-Type', HTML)
  @Header('Cache-Control', 'no-store')
  async submit(@Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const token = formField(body, 'token');
    const email = formField(body, 'email');
    try {
      const admin = await this.completeSetup.execute({ secret: token, email, password: formField(body, 'password') });
      return this.views.render('admin-setup', 'en', { title: TITLE, done: true, email: admin.email.value });
    } catch (error) {
      if (error instanceof SetupLinkInvalid) {
        void reply.status(410);
        return this.views.render('admin-setup', 'en', { title: TITLE, invalid: error.message });
      }
      if (!(error instanceof InvalidInput)) throw error;
      void reply.status(400);
      const errors = Object.fromEntries(error.problems.map((problem) => [problem.field, problem.message]));
      return this.views.render('admin-setup', 'en', { title: TITLE, token, email, errors });
    }
  }
}
