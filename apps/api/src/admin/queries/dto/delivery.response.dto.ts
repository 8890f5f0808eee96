import { DELIVERY_STATES, type DeliveryState } from '@gatehouse/domain/mail/delivery-record';
import { ApiProperty } from '@nestjs/swagger';

/** One email to the person, or one webhook about them, and what became of it. Never its content. */
export class DeliveryResponseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: ['email', 'webhook'], enumName: 'DeliveryChannel' })
  channel!: 'email' | 'webhook';

  @ApiProperty({ description: 'The email template, or the event type of a webhook.', example: 'confirmation' })
  template!: string;

  @ApiProperty({ description: 'The address, or the URL of a webhook.' })
  recipient!: string;

  @ApiProperty({ enum: DELIVERY_STATES, enumName: 'DeliveryState' })
  state!: DeliveryState;

  @ApiProperty()
  attempts!: number;

  @ApiProperty({ type: String, nullable: true })
  lastError!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  sentAt!: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Only while queued.' })
  nextAttemptAt!: Date | null;
}
