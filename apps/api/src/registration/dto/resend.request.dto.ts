import { IsDefined, IsString, MaxLength } from 'class-validator';

export class ResendRequestDto {
  @MaxLength(1024, { message: 'The email address is far too long.' })
  @IsString({ message: 'The email address must be a string.' })
  @IsDefined({ message: 'Enter your email address.' })
  email!: string;
}
