import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { IsKeysetCursor } from './keyset-cursor.validator';
import { UsersFilterRequestDto } from './users-filter.request.dto';

export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;

/** One page of the users directory: the filters, the order by creation time, and where the last page ended. */
export class UsersListRequestDto extends UsersFilterRequestDto {
  @ApiPropertyOptional({
    enum: SORT_DIRECTIONS,
    enumName: 'SortDirection',
    default: 'desc',
    description: 'By creation time (then id).',
  })
  @IsOptional()
  @IsIn(SORT_DIRECTIONS, { message: 'Sort asc or desc.' })
  sort?: SortDirection;

  @ApiPropertyOptional({ description: "The previous page's nextCursor." })
  @IsOptional()
  @IsKeysetCursor()
  @IsString({ message: 'Use the nextCursor of a previous page, unchanged.' })
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE, type: 'integer' })
  @IsOptional()
  @Type(() => Number)
  @Max(MAX_PAGE_SIZE, { message: `Ask for at most ${MAX_PAGE_SIZE} users a page.` })
  @Min(1, { message: 'Ask for at least 1 user a page.' })
  @IsInt({ message: 'The limit is a whole number.' })
  limit?: number;
}
