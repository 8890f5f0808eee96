import { STAFF_ROLES, type StaffRole } from '@gatehouse/domain/staff/staff-role';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { StaffReasonRequestDto } from '../../users/dto/staff-reason.request.dto';

export class CreateStaffRequestDto extends StaffReasonRequestDto {
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
