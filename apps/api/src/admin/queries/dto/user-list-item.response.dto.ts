import { USER_STATUSES, type UserStatus } from '@gatehouse/domain/users/user-status';
import { ApiProperty } from '@nestjs/swagger';
import { LatestDeliveryResponseDto } from './latest-delivery.response.dto';

export class UserListItemResponseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ description: 'As the person typed it.', example: 'Alice@Example.com' })
  email!: string;

  @ApiProperty({ enum: USER_STATUSES, enumName: 'UserStatus' })
  status!: UserStatus;

  @ApiProperty({ example: 'en' })
  locale!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  confirmedAt!: Date | null;

  @ApiProperty({ type: () => LatestDeliveryResponseDto, nullable: true })
  latestDelivery!: LatestDeliveryResponseDto | null;
}
