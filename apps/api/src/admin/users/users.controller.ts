import { Clock } from '@gatehouse/domain/ports/clock.port';
import { BulkResendConfirmation } from '@gatehouse/domain/use-cases/bulk-resend-confirmation.use-case';
import { RecordUsersExport } from '@gatehouse/domain/use-cases/record-users-export.use-case';
import { requireReason } from '@gatehouse/domain/staff/staff-reason';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentStaff, type SignedInStaff } from '../auth/current-staff.decorator';
import { StaffAccess } from '../auth/staff-access.decorator';
import { StaffAuthGuard } from '../auth/staff-auth.guard';
import { UserDetailResponseDto } from '../queries/dto/user-detail.response.dto';
import type { UsersFilterRequestDto } from '../queries/dto/users-filter.request.dto';
import { UsersListRequestDto } from '../queries/dto/users-list.request.dto';
import { UsersPageResponseDto } from '../queries/dto/users-page.response.dto';
import { UserDetailQuery } from '../queries/user-detail.query';
import { UsersDirectoryQuery } from '../queries/users-directory.query';
import { BulkResendRequestDto } from './dto/bulk-resend.request.dto';
import { BulkResendResponseDto } from './dto/bulk-resend.response.dto';
import { ExportUsersRequestDto } from './dto/export-users.request.dto';
import { usersExportStream } from './users-export.stream';

/** One bulk run reaches at most this many people; narrow the filter for more. */
export const BULK_RESEND_MAX = 10_000;

@ApiTags('users')
@Controller('api/admin/users')
@UseGuards(StaffAuthGuard)
export class UsersController {
  constructor(
    private readonly directory: UsersDirectoryQuery,
    private readonly details: UserDetailQuery,
    private readonly bulkResend: BulkResendConfirmation,
    private readonly recordExport: RecordUsersExport,
    private readonly clock: Clock,
  ) {}

  @Get()
  @StaffAccess('users.read')
  @ApiOkResponse({ type: UsersPageResponseDto })
  list(@Query() query: UsersListRequestDto): Promise<UsersPageResponseDto> {
    return this.directory.list(query, this.clock.now());
  }

  @Get(':id')
  @StaffAccess('users.read')
  @ApiOkResponse({ type: UserDetailResponseDto })
  async detail(
    @Param('id', new ParseUUIDPipe({ errorHttpStatusCode: 400 })) id: string,
  ): Promise<UserDetailResponseDto> {
    const found = await this.details.find(id, this.clock.now());
    if (!found) throw new NotFoundException('There is no user with this id; the account may have been deleted.');
    return found;
  }

  @Post('bulk-resend')
  @HttpCode(200)
  @StaffAccess('users.bulk')
  @ApiOkResponse({ type: BulkResendResponseDto })
  async resendToMany(
    @Body() body: BulkResendRequestDto,
    @CurrentStaff() staff: SignedInStaff,
  ): Promise<BulkResendResponseDto> {
    const filter = body.filter ?? {};
    const now = this.clock.now();
    if (body.dryRun) {
      const [matched, suppressed] = await Promise.all([
        this.directory.countPending(filter, now),
        this.directory.countPendingSuppressed(filter, now),
      ]);
      return { matched, suppressed, dryRun: true };
    }
    const reason = requireReason(body.reason);
    const userIds = await this.directory.pendingIds(filter, now, BULK_RESEND_MAX);
    const result = await this.bulkResend.execute({ actor: staff.actor, userIds, reason, filter: describe(filter) });
    return { ...result, dryRun: false };
  }

  @Post('export')
  @HttpCode(200)
  @StaffAccess('users.export')
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description:
      'The filtered users as CSV, streamed; the first page is read before the answer starts, and the audit log records how many users went out and whether the list was complete.',
  })
  async export(
    @Body() body: ExportUsersRequestDto,
    @CurrentStaff() staff: SignedInStaff,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const filter = body.filter ?? {};
    const reason = requireReason(body.reason);
    const now = this.clock.now();
    const csv = await usersExportStream(this.directory.batches(filter, now), (delivered) =>
      this.recordExport.execute({ actor: staff.actor, filter: describe(filter), reason, ...delivered }),
    );
    const stamp = now.toISOString().slice(0, 10);
    await reply
      .header('Content-Type', 'text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="gatehouse-users-${stamp}.csv"`)
      .header('Cache-Control', 'no-store')
      .send(csv);
  }
}

/** The filter as the audit log keeps it: only what was set. */
function describe(filter: UsersFilterRequestDto): Record<string, unknown> {
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined));
}
