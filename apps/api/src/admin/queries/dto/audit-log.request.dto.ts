import { AUDIT_ACTIONS } from '@gatehouse/domain/staff/audit-entry';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { IsKeysetCursor } from './keyset-cursor.validator';
import { INSTANT_FORMAT, IsInstant } from './instant.validator';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './users-list.request.dto';

export const AUDIT_TARGET_TYPES = ['user', 'staff', 'users'] as const;
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];

/** One page of the audit log, newest first, narrowed by who, what, about what and when. */
export class AuditLogRequestDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The staff member who acted.' })
  @IsOptional()
  @IsUUID('all', { message: 'Use the id of a staff member.' })
  staffId?: string;

  @ApiPropertyOptional({ enum: AUDIT_ACTIONS, enumName: 'AuditAction', example: 'user.disable' })
  @IsOptional()
  @Matches(/^[a-z_]+(\.[a-z_]+)*$/, { message: 'Use an action name such as user.disable.' })
  @MaxLength(64, { message: 'Use an action name such as user.disable.' })
  @IsString({ message: 'Use an action name such as user.disable.' })
  action?: string;

  @ApiPropertyOptional({ enum: AUDIT_TARGET_TYPES, enumName: 'AuditTargetType' })
  @ValidateIf((request: AuditLogRequestDto) => request.targetType !== undefined || request.targetId !== undefined)
  @IsIn(AUDIT_TARGET_TYPES, { message: `Choose a target type: ${AUDIT_TARGET_TYPES.join(', ')}.` })
  @IsDefined({ message: 'Say which type of target targetId is (user, staff or users).' })
  targetType?: AuditTargetType;

  @ApiPropertyOptional({ description: 'Only with targetType: the id of the user or staff member acted on.' })
  @IsOptional()
  @MaxLength(200, { message: 'The target id is far too long.' })
  @IsString({ message: 'The target id is a string.' })
  targetId?: string;

  @ApiPropertyOptional({ description: `At or after this instant. ${INSTANT_FORMAT}` })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ description: `Before this instant. ${INSTANT_FORMAT}` })
  @IsOptional()
  @IsInstant()
  to?: string;

  @ApiPropertyOptional({ description: "The previous page's nextCursor." })
  @IsOptional()
  @IsKeysetCursor()
  @IsString({ message: 'Use the nextCursor of a previous page, unchanged.' })
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE, type: 'integer' })
  @IsOptional()
  @Type(() => Number)
  @Max(MAX_PAGE_SIZE, { message: `Ask for at most ${MAX_PAGE_SIZE} entries a page.` })
  @Min(1, { message: 'Ask for at least 1 entry a page.' })
  @IsInt({ message: 'The limit is a whole number.' })
  limit?: number;
}
