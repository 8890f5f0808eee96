import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { SignInRequest } from './sign-in.request.dto';

export class SetupRequest extends SignInRequest {
  @ApiProperty({ description: 'The token from the one-time setup link printed at start.' })
  @IsString({ message: 'token must be text' })
  @MaxLength(200, { message: 'token is not a setup token' })
  token!: string;
}
