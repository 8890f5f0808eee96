import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { UsersFilterRequestDto } from '../../queries/dto/users-filter.request.dto';
import { AllowsLineBreaks } from '../../../http/control-characters';

/** Resend to the pending users matching a filter; a dry run only counts them. */
export class BulkResendRequest {
  @ApiPropertyOptional({ type: UsersFilterRequestDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => UsersFilterRequestDto)
  filter?: UsersFilterRequestDto;

  @ApiPropertyOptional({ default: false, description: 'Count whom it would reach, send nothing.' })
  @IsOptional()
  @IsBoolean({ message: 'dryRun must be true or false' })
  dryRun?: boolean;

  @ApiPropertyOptional({ description: 'Required unless dryRun; kept in the audit log.', maxLength: 500 })
  @IsOptional()
  @IsString({ message: 'reason must be text: say why you are doing this' })
  @MaxLength(2000, { message: 'reason must be 500 characters or fewer' })
  @AllowsLineBreaks()
  reason?: string;
}

export class BulkResendResponse {
  @ApiProperty({ description: 'Pending users matching the filter.' }) matched!: number;
  @ApiProperty() dryRun!: boolean;
  @ApiPropertyOptional({ description: 'Emails queued (not in a dry run).' }) queued?: number;
  @ApiPropertyOptional({ description: 'Held back by the per-address email limits.' }) limited?: number;
  @ApiPropertyOptional({ description: 'No longer pending when their turn came.' }) skipped?: number;
}

export class ExportUsersRequest {
  @ApiPropertyOptional({ type: UsersFilterRequestDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => UsersFilterRequestDto)
  filter?: UsersFilterRequestDto;

  @ApiProperty({ description: 'Why these addresses leave Gatehouse; kept in the audit log.', maxLength: 500 })
  @IsString({ message: 'reason must be text: say why you are exporting' })
  @MaxLength(2000, { message: 'reason must be 500 characters or fewer' })
  @AllowsLineBreaks()
  reason!: string;
}
