import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { StaffAccess } from './auth/staff-access.decorator';
import { StaffAuthGuard } from './auth/staff-auth.guard';
import { RegistrationStatsRequestDto } from './queries/dto/registration-stats.request.dto';
import { RegistrationStatsResponseDto } from './queries/dto/registration-stats.response.dto';
import { RegistrationStatsQuery } from './queries/registration-stats.query';

@ApiTags('statistics')
@Controller('api/admin/stats')
@UseGuards(StaffAuthGuard)
export class StatsController {
  constructor(private readonly stats: RegistrationStatsQuery) {}

  @Get()
  @StaffAccess('stats.read')
  @ApiOkResponse({ type: RegistrationStatsResponseDto })
  forRange(@Query() query: RegistrationStatsRequestDto): Promise<RegistrationStatsResponseDto> {
    return this.stats.forRange(query);
  }
}
