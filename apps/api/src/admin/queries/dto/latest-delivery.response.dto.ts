import { DELIVERY_STATES, type DeliveryState } from '@gatehouse/domain/mail/delivery-record';
import { ApiProperty } from '@nestjs/swagger';

/** The newest email queued for a user (webhooks aside) and where it stands. */
export class LatestDeliveryResponseDto {
  @ApiProperty({ enum: DELIVERY_STATES, enumName: 'DeliveryState' })
  state!: DeliveryState;

  @ApiProperty({ example: 'confirmation' })
  template!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;
}
