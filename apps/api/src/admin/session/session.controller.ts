import { STAFF_PERMISSIONS, roleMay, type StaffPermission } from '@gatehouse/domain/staff/staff-permissions';
import { CompleteStaffSetup } from '@gatehouse/domain/use-cases/complete-staff-setup.use-case';
import { SignInStaff } from '@gatehouse/domain/use-cases/sign-in-staff.use-case';
import { SignOutStaff } from '@gatehouse/domain/use-cases/sign-out-staff.use-case';
import { Body, Controller, Delete, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../../config/app-config';
import { RateLimit } from '../../rate-limits/rate-limit.decorator';
import { CurrentStaff, type SignedInStaff } from '../auth/current-staff.decorator';
import { StaffAccess } from '../auth/staff-access.decorator';
import { StaffAuthGuard } from '../auth/staff-auth.guard';
import { StaffCookies } from '../auth/staff-cookies';
import { SessionResponseDto } from './dto/session.response.dto';
import { StaffMemberResponseDto } from './dto/staff-member.response.dto';
import { SetupRequestDto } from './dto/setup.request.dto';
import { SignInRequestDto } from './dto/sign-in.request.dto';
import type { StaffMember } from '@gatehouse/domain/staff/staff-member.entity';
import type { StaffSession } from '@gatehouse/domain/staff/staff-session';

@ApiTags('session')
@Controller('api/admin')
@UseGuards(StaffAuthGuard)
export class SessionController {
  constructor(
    private readonly signIn: SignInStaff,
    private readonly signOut: SignOutStaff,
    private readonly completeSetup: CompleteStaffSetup,
    private readonly cookies: StaffCookies,
    private readonly config: AppConfig,
  ) {}

  @Post('session')
  @HttpCode(200)
  @StaffAccess('public')
  @RateLimit('staffSignin')
  @ApiOkResponse({ type: SessionResponseDto, description: 'Signed in; the session cookie is set.' })
  async create(
    @Body() body: SignInRequestDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionResponseDto> {
    const signedIn = await this.signIn.execute({
      email: body.email,
      password: body.password,
      ip: request.ip,
      userAgent: request.headers['user-agent'],
    });
    void reply.setCookie(this.cookies.name, signedIn.secret, this.cookies.cookieOptions);
    return this.describe(signedIn.member, signedIn.session, signedIn.secret);
  }

  @Get('session')
  @StaffAccess('signed-in')
  @ApiOkResponse({ type: SessionResponseDto, description: 'Who is signed in, and the CSRF token of this session.' })
  current(@CurrentStaff() staff: SignedInStaff): SessionResponseDto {
    return this.describe(staff.member, staff.session, staff.secret);
  }

  @Delete('session')
  @HttpCode(204)
  @StaffAccess('signed-in')
  @ApiNoContentResponse({ description: 'Signed out; the session is revoked on the server.' })
  async remove(@CurrentStaff() staff: SignedInStaff, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.signOut.execute(staff.secret);
    void reply.clearCookie(this.cookies.name, this.cookies.clearOptions);
  }

  @Post('setup')
  @StaffAccess('public')
  @RateLimit('staffSignin')
  @ApiCreatedResponse({ type: StaffMemberResponseDto, description: 'The first admin, created through the setup link.' })
  async setup(@Body() body: SetupRequestDto): Promise<StaffMemberResponseDto> {
    const member = await this.completeSetup.execute({ secret: body.token, email: body.email, password: body.password });
    return StaffMemberResponseDto.of(member);
  }

  private describe(member: StaffMember, session: StaffSession, secret: string): SessionResponseDto {
    return {
      staff: StaffMemberResponseDto.of(member),
      csrfToken: this.cookies.csrfTokenFor(secret),
      expiresAt: session.expiresAt.toISOString(),
      idleTimeoutSeconds: Math.floor(this.config.staffSessionIdleTimeoutMs / 1000),
      permissions: (Object.keys(STAFF_PERMISSIONS) as StaffPermission[]).filter((p) => roleMay(member.role, p)),
    };
  }
}
