import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { AllowsLineBreaks } from '../../../http/control-characters';

/** Every back-office action that changes something says why; the reason is kept in the audit log. */
export class StaffReasonRequest {
  @ApiProperty({ example: 'Asked by phone, ticket #4711', maxLength: 500 })
  @IsString({ message: 'reason must be text: say why you are doing this' })
  @MaxLength(2000, { message: 'reason must be 500 characters or fewer' })
  @AllowsLineBreaks()
  reason!: string;
}
