import { RegisterUser } from '@gatehouse/domain/use-cases/register-user.use-case';
import { ResendConfirmation } from '@gatehouse/domain/use-cases/resend-confirmation.use-case';
import type { Locale } from '@gatehouse/infrastructure/i18n/locale';
import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../config/app-config';
import { RequestLocale } from '../http/request-locale.decorator';
import { RateLimit } from '../rate-limits/rate-limit.decorator';
import { AcceptedResponseDto } from './dto/accepted.response.dto';
import { RegisterRequestDto } from './dto/register.request.dto';
import { ResendRequestDto } from './dto/resend.request.dto';
import { answerNoSoonerThan } from './response-floor';
import { SignUpBrowserCookie } from '../confirmation/sign-up-browser.cookie';

@Controller('api/registrations')
export class RegistrationsController {
  constructor(
    private readonly registerUser: RegisterUser,
    private readonly resendConfirmation: ResendConfirmation,
    private readonly config: AppConfig,
    private readonly browser: SignUpBrowserCookie,
  ) {}

  @Post()
  @HttpCode(202)
  @RateLimit('signup')
  async register(
    @Body() body: RegisterRequestDto,
    @RequestLocale() locale: Locale,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AcceptedResponseDto> {
    // A browser calling the API keeps the cookie too; a server calling it can confirm with the password instead.
    const browserSecret = this.browser.readOrIssue(request, reply);
    // The language of every email this person will get: the one their client asked for at sign-up.
    await answerNoSoonerThan(this.config.signupMinResponseMs, () =>
      this.registerUser.execute({ email: body.email, password: body.password, locale, browserSecret }),
    );
    return AcceptedResponseDto.registration;
  }

  @Post('resend')
  @HttpCode(202)
  @RateLimit('resend')
  async resend(@Body() body: ResendRequestDto): Promise<AcceptedResponseDto> {
    await answerNoSoonerThan(this.config.resendMinResponseMs, () =>
      this.resendConfirmation.execute({ email: body.email }),
    );
    return AcceptedResponseDto.resend;
  }
}
