import { ApiProperty } from '@nestjs/swagger';

/** Of the people who signed up in the range: how many got a confirmation email out, how many confirmed. */
export class RegistrationFunnelResponseDto {
  @ApiProperty()
  registered!: number;

  @ApiProperty({ description: 'Of those, how many have at least one confirmation email sent.' })
  emailSent!: number;

  @ApiProperty({ description: 'Of those, how many have confirmed (by now).' })
  confirmed!: number;
}
