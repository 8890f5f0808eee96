import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class BulkResendResponseDto {
  @ApiProperty({ description: 'Pending users matching the filter.' }) matched!: number;
  @ApiProperty() dryRun!: boolean;
  @ApiPropertyOptional({ description: 'Emails queued (not in a dry run).' }) queued?: number;
  @ApiPropertyOptional({ description: 'Held back by the per-address email limits.' }) limited?: number;
  @ApiPropertyOptional({ description: 'Not sent to: no longer pending when their turn came, or suppressed.' })
  skipped?: number;
  @ApiProperty({
    description: 'Users matched whose address is on the suppression list: skipped (the dry run: will be skipped).',
  })
  suppressed!: number;
}
