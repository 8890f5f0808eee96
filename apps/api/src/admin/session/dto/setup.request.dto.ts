import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { SignInRequestDto } from './sign-in.request.dto';

export class SetupRequestDto extends SignInRequestDto {
  @ApiProperty({ description: 'The token from the one-time setup link printed at start.' })
  @IsString({ message: 'token must be text' })
  @MaxLength(200, { message: 'token is not a setup token' })
  token!: string;
}
