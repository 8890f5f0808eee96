import { ApiProperty } from '@nestjs/swagger';

export class RegistrationDayResponseDto {
  @ApiProperty({ format: 'date', example: '2026-05-01', description: 'A UTC day.' })
  day!: string;

  @ApiProperty({ description: 'Users who signed up that day (and still exist).' })
  registrations!: number;

  @ApiProperty({ description: 'Users who confirmed their address that day.' })
  confirmations!: number;
}
