import type { StaffMember } from '@gatehouse/domain/staff/staff-member.entity';
import { STAFF_PERMISSIONS } from '@gatehouse/domain/staff/staff-permissions';
import { STAFF_ROLES, type StaffRole } from '@gatehouse/domain/staff/staff-role';
import { ApiProperty } from '@nestjs/swagger';

export class StaffMemberResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: STAFF_ROLES, enumName: 'StaffRole' }) role!: StaffRole;
  @ApiProperty() disabled!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastSignInAt!: string | null;

  static of(member: StaffMember): StaffMemberResponse {
    return {
      id: member.id,
      email: member.email.value,
      role: member.role,
      disabled: member.disabled,
      lastSignInAt: member.lastSignInAt?.toISOString() ?? null,
    };
  }
}

export class SessionResponse {
  @ApiProperty({ type: StaffMemberResponse }) staff!: StaffMemberResponse;
  @ApiProperty({ description: 'Send it as the X-CSRF-Token header on every POST, PATCH and DELETE.' })
  csrfToken!: string;
  @ApiProperty({ format: 'date-time', description: 'When the session ends at the latest.' }) expiresAt!: string;
  @ApiProperty({ description: 'The session also ends after this many seconds without a request.' })
  idleTimeoutSeconds!: number;
  @ApiProperty({
    description: 'What this role may do, so a client can hide the rest.',
    enum: Object.keys(STAFF_PERMISSIONS),
    enumName: 'StaffPermission',
    isArray: true,
  })
  permissions!: string[];
}
