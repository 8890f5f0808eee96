import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class SignInRequestDto {
  @ApiProperty({ example: 'admin@example.com' })
  @IsString({ message: 'email must be text' })
  @MaxLength(320, { message: 'email is longer than any real address' })
  email!: string;

  @ApiProperty({ format: 'password' })
  @IsString({ message: 'password must be text' })
  @MaxLength(1024, { message: 'password is too long' })
  password!: string;
}
