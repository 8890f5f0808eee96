import type { ConfirmOutcome } from '@gatehouse/domain/users/user.entity';
import { ConfirmEmail } from '@gatehouse/domain/use-cases/confirm-email.use-case';
import { ConfirmWithCode } from '@gatehouse/domain/use-cases/confirm-with-code.use-case';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { RateLimit } from '../rate-limits/rate-limit.decorator';
import { ConfirmCodeRequestDto } from './dto/confirm-code.request.dto';
import { ConfirmRequestDto } from './dto/confirm.request.dto';

@Controller('api/confirmations')
export class ConfirmationsController {
  constructor(
    private readonly confirmEmail: ConfirmEmail,
    private readonly confirmWithCode: ConfirmWithCode,
  ) {}

  @Post()
  @HttpCode(200)
  @RateLimit('confirm')
  async confirm(@Body() body: ConfirmRequestDto): Promise<{ status: ConfirmOutcome }> {
    const { status } = await this.confirmEmail.execute({ token: body.token });
    return { status };
  }

  @Post('code')
  @HttpCode(200)
  @RateLimit('confirm')
  async confirmCode(@Body() body: ConfirmCodeRequestDto): Promise<{ status: ConfirmOutcome }> {
    const { status } = await this.confirmWithCode.execute({ email: body.email, code: body.code });
    return { status };
  }
}
