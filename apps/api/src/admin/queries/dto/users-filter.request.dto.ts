import { DELIVERY_STATES, type DeliveryState } from '@gatehouse/domain/mail/delivery-record';
import { USER_STATUSES, type UserStatus } from '@gatehouse/domain/users/user-status';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { INSTANT_FORMAT, IsInstant } from './instant.validator';

export const DELIVERY_FILTERS = [...DELIVERY_STATES, 'none'] as const;
export type DeliveryFilter = DeliveryState | 'none';

/** Which users a list, an export or a bulk resend is about. Every filter narrows; none means everyone. */
export class UsersFilterRequestDto {
  @ApiPropertyOptional({ enum: USER_STATUSES, enumName: 'UserStatus' })
  @IsOptional()
  @IsIn(USER_STATUSES, { message: `Choose a status: ${USER_STATUSES.join(', ')}.` })
  status?: UserStatus;

  @ApiPropertyOptional({ description: `Created at or after this instant. ${INSTANT_FORMAT}`, example: '2026-05-01' })
  @IsOptional()
  @IsInstant()
  createdAfter?: string;

  @ApiPropertyOptional({ description: `Created before this instant. ${INSTANT_FORMAT}`, example: '2026-06-01' })
  @IsOptional()
  @IsInstant()
  createdBefore?: string;

  @ApiPropertyOptional({
    description: 'Only pending users who signed up more than this many days ago.',
    minimum: 0,
    maximum: 3650,
    type: 'integer',
  })
  @IsOptional()
  @Type(() => Number)
  @Max(3650, { message: 'Use at most 3650 days.' })
  @Min(0, { message: 'Use 0 days or more.' })
  @IsInt({ message: 'Use a whole number of days.' })
  pendingForDays?: number;

  @ApiPropertyOptional({
    enum: DELIVERY_FILTERS,
    enumName: 'DeliveryFilter',
    description: "State of the user's latest email (webhooks aside); none: no email was ever queued.",
  })
  @IsOptional()
  @IsIn(DELIVERY_FILTERS, { message: `Choose a delivery state: ${DELIVERY_FILTERS.join(', ')}.` })
  delivery?: DeliveryFilter;

  @ApiPropertyOptional({
    type: Boolean,
    description: 'true: only users whose address is on the suppression list now; false: only the others.',
  })
  @IsOptional()
  // A query string says "true"/"false"; a bulk resend's JSON filter says true/false.
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'Say true or false.' })
  undeliverable?: boolean;

  @ApiPropertyOptional({ description: 'Part of the address, any case.', maxLength: 254, example: 'example.com' })
  @IsOptional()
  @MaxLength(254, { message: 'Search for at most 254 characters.' })
  @IsString({ message: 'Search for a piece of text.' })
  q?: string;
}
