import { SUPPRESSION_CAUSES, type SuppressionCause } from '@gatehouse/domain/deliverability/suppression';
import { ApiProperty } from '@nestjs/swagger';

/** Why no email goes to this person's address, for the banner on their page. */
export class SuppressionResponseDto {
  @ApiProperty({ enum: SUPPRESSION_CAUSES, enumName: 'SuppressionCause' })
  cause!: SuppressionCause;

  @ApiProperty({ description: 'The reason in plain words, as a refused resend gives it.' })
  reason!: string;

  @ApiProperty({ type: String, nullable: true, example: '5.1.1' })
  smtpStatus!: string | null;

  @ApiProperty({ type: String, nullable: true, description: "The receiving server's words." })
  diagnostic!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  since!: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Null: until support lifts it.' })
  until!: Date | null;

  @ApiProperty({ description: 'False once a timed suppression ran out (emails go again).' })
  active!: boolean;
}
