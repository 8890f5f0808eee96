import { STAFF_ROLES, type StaffRole } from '@gatehouse/domain/staff/staff-role';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { StaffReasonRequest } from '../../users/dto/staff-reason.request.dto';

export class CreateStaffRequest extends StaffReasonRequest {
  @ApiProperty({ example: 'helpdesk@example.com' })
  @IsString({ message: 'email must be text' })
  @MaxLength(320, { message: 'email is longer than any real address' })
  email!: string;

  @ApiProperty({ format: 'password', minLength: 8, maxLength: 256 })
  @IsString({ message: 'password must be text' })
  @MaxLength(1024, { message: 'password is too long' })
  password!: string;

  @ApiProperty({ enum: STAFF_ROLES, enumName: 'StaffRole' })
  @IsIn(STAFF_ROLES, { message: 'role must be admin or support' })
  role!: StaffRole;
}

export class UpdateStaffRequest extends StaffReasonRequest {
  @ApiPropertyOptional({ enum: STAFF_ROLES, enumName: 'StaffRole' })
  @IsOptional()
  @IsIn(STAFF_ROLES, { message: 'role must be admin or support' })
  role?: StaffRole;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'disabled must be true or false' })
  disabled?: boolean;
}
