import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class BulkResendResponseDto {
  @ApiProperty({ description: 'Pending users matching the filter.' }) matched!: number;
  @ApiProperty() dryRun!: boolean;
  @ApiPropertyOptional({ description: 'Emails queued (not in a dry run).' }) queued?: number;
  @ApiPropertyOptional({ description: 'Held back by the per-address email limits.' }) limited?: number;
  @ApiPropertyOptional({ description: 'No longer pending when their turn came.' }) skipped?: number;
}
