import { CreateStaffMember } from '@gatehouse/domain/use-cases/create-staff-member.use-case';
import { LiftStaffLockout } from '@gatehouse/domain/use-cases/lift-staff-lockout.use-case';
import { UpdateStaffMember } from '@gatehouse/domain/use-cases/update-staff-member.use-case';
import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Patch, Post, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentStaff, type SignedInStaff } from '../auth/current-staff.decorator';
import { StaffAccess } from '../auth/staff-access.decorator';
import { StaffAuthGuard } from '../auth/staff-auth.guard';
import { StaffMemberResponse } from '../session/dto/session.response.dto';
import { StaffReasonRequest } from '../users/dto/staff-reason.request.dto';
import { StaffListItemResponse } from './dto/staff-list-item.response.dto';
import { CreateStaffRequest, UpdateStaffRequest } from './dto/staff.request.dto';
import { StaffDirectory } from './staff-directory.query';

@ApiTags('staff')
@Controller('api/admin/staff')
@UseGuards(StaffAuthGuard)
@StaffAccess('staff.manage')
export class StaffController {
  constructor(
    private readonly directory: StaffDirectory,
    private readonly create: CreateStaffMember,
    private readonly update: UpdateStaffMember,
    private readonly liftLockout: LiftStaffLockout,
  ) {}

  @Get()
  @ApiOkResponse({ type: [StaffListItemResponse] })
  list(): Promise<StaffListItemResponse[]> {
    return this.directory.list();
  }

  @Post()
  @ApiCreatedResponse({ type: StaffMemberResponse })
  async add(@Body() body: CreateStaffRequest, @CurrentStaff() staff: SignedInStaff): Promise<StaffMemberResponse> {
    const member = await this.create.execute({ ...body, actor: staff.actor });
    return StaffMemberResponse.of(member);
  }

  @Patch(':id')
  @ApiOkResponse({ type: StaffMemberResponse })
  async change(
    @Param('id', new ParseUUIDPipe({ errorHttpStatusCode: 400 })) staffId: string,
    @Body() body: UpdateStaffRequest,
    @CurrentStaff() staff: SignedInStaff,
  ): Promise<StaffMemberResponse> {
    const member = await this.update.execute({ actor: staff.actor, staffId, ...body });
    return StaffMemberResponse.of(member);
  }

  @Delete(':id/lockout')
  @ApiOkResponse({
    type: StaffListItemResponse,
    description: 'The lockout after five wrong passwords is lifted (audited, with the reason): they can sign in again.',
  })
  async lift(
    @Param('id', new ParseUUIDPipe({ errorHttpStatusCode: 400 })) staffId: string,
    @Body() body: StaffReasonRequest,
    @CurrentStaff() staff: SignedInStaff,
  ): Promise<StaffListItemResponse> {
    const member = await this.liftLockout.execute({ actor: staff.actor, staffId, reason: body.reason });
    return StaffListItemResponse.withLockout(member, null);
  }
}
