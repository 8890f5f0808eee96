import type { ConfirmOutcome } from '@gatehouse/domain/users/user.entity';
import { ConfirmEmail } from '@gatehouse/domain/use-cases/confirm-email.use-case';
import { ConfirmWithCode } from '@gatehouse/domain/use-cases/confirm-with-code.use-case';
import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AppConfig } from '../config/app-config';
import { RateLimit } from '../rate-limits/rate-limit.decorator';
import { answerNoSoonerThan } from '../registration/response-floor';
import { SignUpBrowserCookie } from './sign-up-browser.cookie';
import { ConfirmCodeRequestDto } from './dto/confirm-code.request.dto';
import { ConfirmRequestDto } from './dto/confirm.request.dto';

@Controller('api/confirmations')
export class ConfirmationsController {
  constructor(
    private readonly confirmEmail: ConfirmEmail,
    private readonly confirmWithCode: ConfirmWithCode,
    private readonly browser: SignUpBrowserCookie,
    private readonly config: AppConfig,
  ) {}

  @Post()
  @HttpCode(200)
  @RateLimit('confirm')
  async confirm(@Body() body: ConfirmRequestDto, @Req() request: FastifyRequest): Promise<{ status: ConfirmOutcome }> {
    const { status } = await this.confirmEmail.execute({
      token: body.token,
      password: body.password,
      browserSecret: this.browser.read(request),
    });
    return { status };
  }

  @Post('code')
  @HttpCode(200)
  @RateLimit('confirm')
  async confirmCode(
    @Body() body: ConfirmCodeRequestDto,
    @Req() request: FastifyRequest,
  ): Promise<{ status: ConfirmOutcome }> {
    const { status } = await answerNoSoonerThan(this.config.confirmCodeMinResponseMs, () =>
      this.confirmWithCode.execute({
        email: body.email,
        code: body.code,
        password: body.password,
        browserSecret: this.browser.read(request),
      }),
    );
    return { status };
  }
}
