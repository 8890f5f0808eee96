import { IsDefined, IsOptional, IsString, MaxLength } from 'class-validator';

export class ConfirmCodeRequestDto {
  @MaxLength(1024, { message: 'The email address is far too long.' })
  @IsString({ message: 'The email address must be a string.' })
  @IsDefined({ message: 'Enter your email address.' })
  email!: string;

  @MaxLength(32, { message: 'Enter the 6 digits from the email.' })
  @IsString({ message: 'The code must be a string of 6 digits.' })
  @IsDefined({ message: 'Enter the 6 digits from the email.' })
  code!: string;

  /** Only when the answer was 409 password_required: the password chosen at sign-up. */
  @IsOptional()
  @MaxLength(1024, { message: 'The password is far too long.' })
  @IsString({ message: 'The password must be a string.' })
  password?: string;
}
