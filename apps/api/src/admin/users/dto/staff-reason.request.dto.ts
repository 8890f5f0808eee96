import { REASON_MAX_LENGTH } from '@gatehouse/domain/staff/staff-reason';
import { ApiProperty } from '@nestjs/swagger';
import { StaffReasonField } from './staff-reason.field';

/** Every back-office action that changes something says why; the reason is kept in the audit log. */
export class StaffReasonRequestDto {
  @ApiProperty({ example: 'Asked by phone, ticket #4711', maxLength: REASON_MAX_LENGTH })
  @StaffReasonField()
  reason!: string;
}
