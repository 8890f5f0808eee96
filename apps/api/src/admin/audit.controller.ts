import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { StaffAccess } from './auth/staff-access.decorator';
import { StaffAuthGuard } from './auth/staff-auth.guard';
import { AuditLogPageResponseDto } from './queries/dto/audit-log-page.response.dto';
import { AuditLogRequestDto } from './queries/dto/audit-log.request.dto';
import { AuditLogQuery } from './queries/audit-log.query';

@ApiTags('audit')
@Controller('api/admin/audit')
@UseGuards(StaffAuthGuard)
export class AuditController {
  constructor(private readonly audit: AuditLogQuery) {}

  @Get()
  @StaffAccess('audit.read')
  @ApiOkResponse({ type: AuditLogPageResponseDto })
  list(@Query() query: AuditLogRequestDto): Promise<AuditLogPageResponseDto> {
    return this.audit.list(query);
  }
}
