import { ZxcvbnCommonPasswords } from '@gatehouse/infrastructure/security/zxcvbn.common-passwords';
import { Controller, Get, Header } from '@nestjs/common';

/** The list the sign-up page's script checks as a person types, the same one the server checks. */
@Controller('assets')
export class CommonPasswordsController {
  private readonly body: string;

  constructor(passwords: ZxcvbnCommonPasswords) {
    this.body = JSON.stringify(passwords.list);
  }

  @Get('common-passwords.json')
  @Header('Content-Type', 'application/json; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=86400')
  list(): string {
    return this.body;
  }
}
