import { AUDIT_ACTIONS } from '@gatehouse/domain/staff/audit-entry';
import { ApiProperty } from '@nestjs/swagger';
import { AUDIT_TARGET_TYPES } from './audit-log.request.dto';

/** One thing a staff member did: who, what, to what, why, when, and what changed. */
export class AuditEntryResponseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null once the staff member is gone.' })
  staffId!: string | null;

  @ApiProperty()
  staffEmail!: string;

  @ApiProperty({ enum: AUDIT_ACTIONS, enumName: 'AuditAction', example: 'user.disable' })
  action!: string;

  @ApiProperty({ enum: AUDIT_TARGET_TYPES, enumName: 'AuditTargetType', example: 'user' })
  targetType!: string;

  @ApiProperty({ type: String, nullable: true })
  targetId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  reason!: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true, example: { status: ['active', 'disabled'] } })
  changes!: Record<string, unknown>;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;
}
