import { REASON_MAX_LENGTH } from '@gatehouse/domain/staff/staff-reason';
import { applyDecorators } from '@nestjs/common';
import { IsString, MaxLength } from 'class-validator';
import { AllowsLineBreaks } from '../../../http/control-characters';

/**
 * A staff reason as every back-office DTO takes it. The domain's requireReason counts REASON_MAX_LENGTH in code
 * points and says so; this only refuses what cannot be a reason at all (more UTF-16 units than that many code
 * points can take) before it is read, with the domain's limit in the message.
 */
export function StaffReasonField(saying = 'say why you are doing this'): PropertyDecorator {
  return applyDecorators(
    IsString({ message: `reason must be text: ${saying}` }),
    MaxLength(REASON_MAX_LENGTH * 2, { message: `reason must be ${REASON_MAX_LENGTH} characters or fewer` }),
    AllowsLineBreaks(),
  );
}
