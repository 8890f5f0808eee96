import type { ConfirmOutcome } from '@gatehouse/domain/users/user.entity';
import { ConfirmEmail } from '@gatehouse/domain/use-cases/confirm-email.use-case';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ConfirmRequestDto } from './dto/confirm.request.dto';

@Controller('api/confirmations')
export class ConfirmationsController {
  constructor(private readonly confirmEmail: ConfirmEmail) {}

  @Post()
  @HttpCode(200)
  async confirm(@Body() body: ConfirmRequestDto): Promise<{ status: ConfirmOutcome }> {
    const { status } = await this.confirmEmail.execute({ token: body.token });
    return { status };
  }
}
