import { ApiProperty } from '@nestjs/swagger';
import { UserListItemResponseDto } from './user-list-item.response.dto';

export class UsersPageResponseDto {
  @ApiProperty({ type: () => [UserListItemResponseDto] })
  items!: UserListItemResponseDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as cursor for the next page; null on the last.' })
  nextCursor!: string | null;

  @ApiProperty({ description: 'How many users match the filters, across all pages.' })
  total!: number;
}
