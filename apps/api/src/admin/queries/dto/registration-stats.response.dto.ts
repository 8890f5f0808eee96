import { ApiProperty } from '@nestjs/swagger';
import { RegistrationDayResponseDto } from './registration-day.response.dto';
import { RegistrationFunnelResponseDto } from './registration-funnel.response.dto';

export class RegistrationStatsResponseDto {
  @ApiProperty({ format: 'date' })
  from!: string;

  @ApiProperty({ format: 'date' })
  to!: string;

  @ApiProperty({ type: () => [RegistrationDayResponseDto], description: 'Every day of the range, oldest first.' })
  days!: RegistrationDayResponseDto[];

  @ApiProperty({ description: 'Sign-ups in the range.' })
  registrations!: number;

  @ApiProperty({ description: 'Confirmations in the range, whenever those people signed up.' })
  confirmations!: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: 1,
    description: 'Share of the sign-ups in the range that are confirmed by now; null without sign-ups.',
  })
  confirmationRate!: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Median seconds from sign-up to confirmation, over the confirmations in the range.',
  })
  medianSecondsToConfirm!: number | null;

  @ApiProperty({ description: 'Users waiting for confirmation now, whatever the range.' })
  pendingNow!: number;

  @ApiProperty({ description: 'Emails (not webhooks) queued in the range that have failed for good.' })
  failedDeliveries!: number;

  @ApiProperty({ description: 'Emails (not webhooks) sent in the range.' })
  emailsSent!: number;

  @ApiProperty({ type: () => RegistrationFunnelResponseDto })
  funnel!: RegistrationFunnelResponseDto;
}
