import { USER_STATUSES, type UserStatus } from '@gatehouse/domain/users/user-status';
import { ApiProperty } from '@nestjs/swagger';
import { AuditEntryResponseDto } from './audit-entry.response.dto';
import { DeliveryEventResponseDto } from './delivery-event.response.dto';
import { DeliveryResponseDto } from './delivery.response.dto';
import { IssuedTokenResponseDto } from './issued-token.response.dto';
import { SuppressionResponseDto } from './suppression.response.dto';

/** Everything support needs about one person. Never a password hash, token or code. */
export class UserDetailResponseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ description: 'As the person typed it.' })
  email!: string;

  @ApiProperty({ enum: USER_STATUSES, enumName: 'UserStatus' })
  status!: UserStatus;

  @ApiProperty({ example: 'en' })
  locale!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  confirmedAt!: Date | null;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt!: Date;

  @ApiProperty({ type: () => [IssuedTokenResponseDto], description: 'Newest first.' })
  tokens!: IssuedTokenResponseDto[];

  @ApiProperty({ type: () => [DeliveryResponseDto], description: 'Oldest first, as the delivery history reads.' })
  deliveries!: DeliveryResponseDto[];

  @ApiProperty({
    type: () => [DeliveryEventResponseDto],
    description:
      "What providers reported about this person's emails (delivered, deferred, bounced, complained), oldest first.",
  })
  deliveryEvents!: DeliveryEventResponseDto[];

  @ApiProperty({
    type: () => SuppressionResponseDto,
    nullable: true,
    description: 'Why no email goes to the address, when it is on the suppression list.',
  })
  suppression!: SuppressionResponseDto | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description:
      'Until when sign-in is refused after too many wrong passwords for the address (null when not locked); an admin can lift it.',
  })
  signInLockedUntil!: Date | null;

  @ApiProperty({ type: () => [AuditEntryResponseDto], description: 'What staff did to this user, newest first.' })
  audit!: AuditEntryResponseDto[];
}
