import { STAFF_ROLES, type StaffRole } from '@gatehouse/domain/staff/staff-role';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { StaffReasonRequestDto } from '../../users/dto/staff-reason.request.dto';

export class UpdateStaffRequestDto extends StaffReasonRequestDto {
  @ApiPropertyOptional({ enum: STAFF_ROLES, enumName: 'StaffRole' })
  @IsOptional()
  @IsIn(STAFF_ROLES, { message: 'role must be admin or support' })
  role?: StaffRole;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'disabled must be true or false' })
  disabled?: boolean;
}
