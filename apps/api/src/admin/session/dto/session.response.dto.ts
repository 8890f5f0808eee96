import { STAFF_PERMISSIONS } from '@gatehouse/domain/staff/staff-permissions';
import { ApiProperty } from '@nestjs/swagger';
import { StaffMemberResponseDto } from './staff-member.response.dto';

export class SessionResponseDto {
  @ApiProperty({ type: StaffMemberResponseDto }) staff!: StaffMemberResponseDto;
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
