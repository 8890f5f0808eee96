import type { StaffMember } from '@gatehouse/domain/staff/staff-member.entity';
import { STAFF_ROLES, type StaffRole } from '@gatehouse/domain/staff/staff-role';
import { ApiProperty } from '@nestjs/swagger';

export class StaffMemberResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: STAFF_ROLES, enumName: 'StaffRole' }) role!: StaffRole;
  @ApiProperty() disabled!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastSignInAt!: string | null;

  static of(member: StaffMember): StaffMemberResponseDto {
    return {
      id: member.id,
      email: member.email.value,
      role: member.role,
      disabled: member.disabled,
      lastSignInAt: member.lastSignInAt?.toISOString() ?? null,
    };
  }
}
