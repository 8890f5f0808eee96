import { IsDefined, IsString, MaxLength } from 'class-validator';

export class ConfirmRequestDto {
  @MaxLength(512, { message: 'The token is far too long: copy the link from the email again.' })
  @IsString({ message: 'The token must be a string.' })
  @IsDefined({ message: 'Send the token from the confirmation link.' })
  token!: string;
}
