import { CreateStaffMember } from '@gatehouse/domain/use-cases/create-staff-member.use-case';
import { LiftStaffLockout } from '@gatehouse/domain/use-cases/lift-staff-lockout.use-case';
import { UpdateStaffMember } from '@gatehouse/domain/use-cases/update-staff-member.use-case';
import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Patch, Post, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentStaff, type SignedInStaff } from '../auth/current-staff.decorator';
import { StaffAccess } from '../auth/staff-access.decorator';
import { StaffAuthGuard } from '../auth/staff-auth.guard';
import { StaffMemberResponseDto } from '../session/dto/staff-member.response.dto';
import { StaffReasonRequestDto } from '../users/dto/staff-reason.request.dto';
import { StaffListItemResponseDto } from './dto/staff-list-item.response.dto';
import { CreateStaffRequestDto } from './dto/create-staff.request.dto';
import { UpdateStaffRequestDto } from './dto/update-staff.request.dto';
import { StaffDirectoryQuery } from './staff-directory.query';

@ApiTags('staff')
@Controller('api/admin/staff')
@UseGuards(StaffAuthGuard)
@StaffAccess('staff.manage')
export class StaffController {
  constructor(
    private readonly directory: StaffDirectoryQuery,
    private readonly create: CreateStaffMember,
    private readonly update: UpdateStaffMember,
    private readonly liftLockout: LiftStaffLockout,
  ) {}

  @Get()
  @ApiOkResponse({ type: [StaffListItemResponseDto] })
  list(): Promise<StaffListItemResponseDto[]> {
    return this.directory.list();
  }

  @Post()
  @ApiCreatedResponse({ type: StaffMemberResponseDto })
  async add(
    @Body() body: CreateStaffRequestDto,
    @CurrentStaff() staff: SignedInStaff,
  ): Promise<StaffMemberResponseDto> {
    const member = await this.create.execute({ ...body, actor: staff.actor });
    return StaffMemberResponseDto.of(member);
  }

  @Patch(':id')
  @ApiOkResponse({ type: StaffMemberResponseDto })
  async change(
    @Param('id', new ParseUUIDPipe({ errorHttpStatusCode: 400 })) staffId: string,
    @Body() body: UpdateStaffRequestDto,
    @CurrentStaff() staff: SignedInStaff,
  ): Promise<StaffMemberResponseDto> {
    const member = await this.update.execute({ actor: staff.actor, staffId, ...body });
    return StaffMemberResponseDto.of(member);
  }

  @Delete(':id/lockout')
  @ApiOkResponse({
    type: StaffListItemResponseDto,
    description: 'The lockout after five wrong passwords is lifted (audited, with the reason): they can sign in again.',
  })
  async lift(
    @Param('id', new ParseUUIDPipe({ errorHttpStatusCode: 400 })) staffId: string,
    @Body() body: StaffReasonRequestDto,
    @CurrentStaff() staff: SignedInStaff,
  ): Promise<StaffListItemResponseDto> {
    const member = await this.liftLockout.execute({ actor: staff.actor, staffId, reason: body.reason });
    return StaffListItemResponseDto.withLockout(member, null);
  }
}
