import { IsDefined, IsString, MaxLength } from 'class-validator';

/** Only the shape is checked here; the domain's Email and Password say what a valid value is. */
export class RegisterRequestDto {
  @MaxLength(1024, { message: 'The email address is far too long.' })
  @IsString({ message: 'The email address must be a string.' })
  @IsDefined({ message: 'Enter your email address.' })
  email!: string;

  @MaxLength(4096, { message: 'Use at most 256 characters.' })
  @IsString({ message: 'The password must be a string.' })
  @IsDefined({ message: 'Enter a password.' })
  password!: string;
}
