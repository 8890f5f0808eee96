import { IsDefined, IsOptional, IsString, MaxLength } from 'class-validator';

export class ConfirmRequestDto {
  @MaxLength(512, { message: 'The token is far too long: copy the link from the email again.' })
  @IsString({ message: 'The token must be a string.' })
  @IsDefined({ message: 'Send the token from the confirmation link.' })
  token!: string;

  /** Only when the answer was 409 password_required: the password chosen at sign-up. */
  @IsOptional()
  @MaxLength(1024, { message: 'The password is far too long.' })
  @IsString({ message: 'The password must be a string.' })
  password?: string;
}
