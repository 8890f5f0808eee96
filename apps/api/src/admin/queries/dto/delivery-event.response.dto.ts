import { DELIVERY_EVENT_KINDS, DELIVERY_EVENT_SOURCES } from '@gatehouse/domain/deliverability/delivery-event';
import type { DeliveryEventKind, DeliveryEventSource } from '@gatehouse/domain/deliverability/delivery-event';
import { ApiProperty } from '@nestjs/swagger';

/** What a provider reported about one of the person's emails, for the timeline. */
export class DeliveryEventResponseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid', description: 'The email (a delivery of this user) the event is about.' })
  emailId!: string;

  @ApiProperty({ enum: DELIVERY_EVENT_SOURCES, enumName: 'DeliveryEventSource' })
  provider!: DeliveryEventSource;

  @ApiProperty({ enum: DELIVERY_EVENT_KINDS, enumName: 'DeliveryEventKind' })
  kind!: DeliveryEventKind;

  @ApiProperty({ enum: ['hard', 'soft'], nullable: true, type: String })
  bounceType!: 'hard' | 'soft' | null;

  @ApiProperty({ type: String, nullable: true, example: '5.1.1' })
  smtpStatus!: string | null;

  @ApiProperty({ type: String, nullable: true, description: "The receiving server's words, or a complaint's type." })
  diagnostic!: string | null;

  @ApiProperty({ description: 'In plain words.', example: 'the mailbox does not exist: 550 5.1.1' })
  description!: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'When the provider says it happened.' })
  occurredAt!: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  receivedAt!: Date;
}
