import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { REASON_MAX_LENGTH } from '@gatehouse/domain/staff/staff-reason';
import { IsBoolean, IsOptional, ValidateNested } from 'class-validator';
import { UsersFilterRequestDto } from '../../queries/dto/users-filter.request.dto';
import { StaffReasonField } from './staff-reason.field';

/** Resend to the pending users matching a filter; a dry run only counts them. */
export class BulkResendRequestDto {
  @ApiPropertyOptional({ type: UsersFilterRequestDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => UsersFilterRequestDto)
  filter?: UsersFilterRequestDto;

  @ApiPropertyOptional({ default: false, description: 'Count whom it would reach, send nothing.' })
  @IsOptional()
  @IsBoolean({ message: 'dryRun must be true or false' })
  dryRun?: boolean;

  @ApiPropertyOptional({ description: 'Required unless dryRun; kept in the audit log.', maxLength: REASON_MAX_LENGTH })
  @IsOptional()
  @StaffReasonField()
  reason?: string;
}
