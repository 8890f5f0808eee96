import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsISO8601, IsString, Matches } from 'class-validator';
import { IsRangeEnd } from './date-range.validator';
import { FIRST_YEAR, InSupportedYears, LAST_YEAR } from './instant.validator';

export const MAX_STATS_DAYS = 366;

/** A range of UTC days, both included. */
export class RegistrationStatsRequestDto {
  @ApiProperty({
    format: 'date',
    example: '2026-05-01',
    description: `First UTC day, included; from ${FIRST_YEAR} to ${LAST_YEAR}.`,
  })
  @InSupportedYears()
  @IsISO8601({ strict: true }, { message: 'Use a real day: YYYY-MM-DD.' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Use a day: YYYY-MM-DD.' })
  @IsString({ message: 'Use a day: YYYY-MM-DD.' })
  @IsDefined({ message: 'Choose the first day.' })
  from!: string;

  @ApiProperty({
    format: 'date',
    example: '2026-05-31',
    description: `Last UTC day, included; at most ${MAX_STATS_DAYS} days after from, and ${LAST_YEAR} at the latest.`,
  })
  @InSupportedYears()
  @IsRangeEnd('from', MAX_STATS_DAYS)
  @IsISO8601({ strict: true }, { message: 'Use a real day: YYYY-MM-DD.' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Use a day: YYYY-MM-DD.' })
  @IsString({ message: 'Use a day: YYYY-MM-DD.' })
  @IsDefined({ message: 'Choose the last day.' })
  to!: string;
}
