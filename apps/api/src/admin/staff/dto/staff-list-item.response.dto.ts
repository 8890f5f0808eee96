import type { StaffMember } from '@gatehouse/domain/staff/staff-member.entity';
import { ApiProperty } from '@nestjs/swagger';
import { StaffMemberResponseDto } from '../../session/dto/staff-member.response.dto';

/** A staff member as the staff list shows them to admins: with the lockout, if their address is locked out. */
export class StaffListItemResponseDto extends StaffMemberResponseDto {
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Until when sign-in is refused after five wrong passwords (typed by anyone); null when not locked.',
  })
  lockedUntil!: string | null;

  static withLockout(member: StaffMember, lockedUntil: Date | null): StaffListItemResponseDto {
    return { ...StaffMemberResponseDto.of(member), lockedUntil: lockedUntil?.toISOString() ?? null };
  }
}
