import { REASON_MAX_LENGTH } from '@gatehouse/domain/staff/staff-reason';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { UsersFilterRequestDto } from '../../queries/dto/users-filter.request.dto';
import { StaffReasonField } from './staff-reason.field';

export class ExportUsersRequestDto {
  @ApiPropertyOptional({ type: UsersFilterRequestDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => UsersFilterRequestDto)
  filter?: UsersFilterRequestDto;

  @ApiProperty({
    description: 'Why these addresses leave Gatehouse; kept in the audit log.',
    maxLength: REASON_MAX_LENGTH,
  })
  @StaffReasonField('say why you are exporting')
  reason!: string;
}
