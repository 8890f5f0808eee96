import { ConfirmUserByStaff } from '@gatehouse/domain/use-cases/confirm-user-by-staff.use-case';
import { DeleteUser } from '@gatehouse/domain/use-cases/delete-user.use-case';
import { DisableUser } from '@gatehouse/domain/use-cases/disable-user.use-case';
import { EnableUser } from '@gatehouse/domain/use-cases/enable-user.use-case';
import { LiftUserSignInLockout } from '@gatehouse/domain/use-cases/lift-user-sign-in-lockout.use-case';
import { LiftSuppression } from '@gatehouse/domain/use-cases/lift-suppression.use-case';
import { ResendConfirmationByStaff } from '@gatehouse/domain/use-cases/resend-confirmation-by-staff.use-case';
import { Body, Controller, Delete, HttpCode, Param, ParseUUIDPipe, Post, UseGuards } from '@nestjs/common';
import { ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { CurrentStaff, type SignedInStaff } from '../auth/current-staff.decorator';
import { StaffAccess } from '../auth/staff-access.decorator';
import { StaffAuthGuard } from '../auth/staff-auth.guard';
import { StaffReasonRequestDto } from './dto/staff-reason.request.dto';

const USER_ID = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 400 });

/** What staff do to one account. Each answers 204 when done; the audit log records who, what and why. */
@ApiTags('users')
@Controller('api/admin/users/:id')
@UseGuards(StaffAuthGuard)
export class UserActionsController {
  constructor(
    private readonly resend: ResendConfirmationByStaff,
    private readonly confirm: ConfirmUserByStaff,
    private readonly disable: DisableUser,
    private readonly enable: EnableUser,
    private readonly remove: DeleteUser,
    private readonly liftSuppression: LiftSuppression,
    private readonly liftLockout: LiftUserSignInLockout,
  ) {}

  @Post('resend-confirmation')
  @HttpCode(204)
  @StaffAccess('users.resend')
  @ApiNoContentResponse({
    description:
      'A fresh link is queued; 429 with Retry-After when the address was emailed too recently; 409 address_suppressed (with the reason) when the address is on the suppression list.',
  })
  async resendConfirmation(
    @Param('id', USER_ID) userId: string,
    @Body() body: StaffReasonRequestDto,
    @CurrentStaff() staff: SignedInStaff,
  ): Promise<void> {
    await this.resend.execute({ actor: staff.actor, userId, reason: body.reason });
  }

  @Post('confirm')
  @HttpCode(204)
  @StaffAccess('users.confirm')
  @ApiNoContentResponse({ description: 'The account is active; its outstanding links stop working.' })
  async confirmByHand(
    @Param('id', USER_ID) userId: string,
    @Body() body: StaffReasonRequestDto,
    @CurrentStaff() staff: SignedInStaff,
  ): Promise<void> {
    await this.confirm.execute({ actor: staff.actor, userId, reason: body.reason });
  }

  @Post('disable')
  @HttpCode(204)
  @StaffAccess('users.disable')
  @ApiNoContentResponse({ description: 'The account is disabled; its outstanding links stop working.' })
  async disableUser(
    @Param('id', USER_ID) userId: string,
    @Body() body: StaffReasonRequestDto,
    @CurrentStaff() staff: SignedInStaff,
  ): Promise<void> {
    await this.disable.execute({ actor: staff.actor, userId, reason: body.reason });
  }

  @Post('enable')
  @HttpCode(204)
  @StaffAccess('users.disable')
  @ApiNoContentResponse({ description: 'The account is back to active (if it was ever confirmed) or pending.' })
  async enableUser(
    @Param('id', USER_ID) userId: string,
    @Body() body: StaffReasonRequestDto,
    @CurrentStaff() staff: SignedInStaff,
  ): Promise<void> {
    await this.enable.execute({ actor: staff.actor, userId, reason: body.reason });
  }

  @Delete()
  @HttpCode(204)
  @StaffAccess('users.delete')
  @ApiNoContentResponse({ description: 'The person and everything stored about them are removed.' })
  async deleteUser(
    @Param('id', USER_ID) userId: string,
    @Body() body: StaffReasonRequestDto,
    @CurrentStaff() staff: SignedInStaff,
  ): Promise<void> {
    await this.remove.execute({ actor: staff.actor, userId, reason: body.reason });
  }

  @Delete('suppression')
  @HttpCode(204)
  @StaffAccess('users.resend')
  @ApiNoContentResponse({
    description:
      'The address is off the suppression list: emails go to it again (audited as user.suppression_lifted). 404 not_suppressed when it was not on it.',
  })
  async liftAddressSuppression(
    @Param('id', USER_ID) userId: string,
    @Body() body: StaffReasonRequestDto,
    @CurrentStaff() staff: SignedInStaff,
  ): Promise<void> {
    await this.liftSuppression.execute({ actor: staff.actor, userId, reason: body.reason });
  }

  @Delete('sign-in-lockout')
  @HttpCode(204)
  @StaffAccess('users.disable')
  @ApiNoContentResponse({
    description:
      'The lockout after too many wrong passwords is lifted: the person can sign in again at once (audited as user.sign_in_lockout_lifted, with until when it would have lasted). 404 sign_in_not_locked when the account was not locked.',
  })
  async liftSignInLockout(
    @Param('id', USER_ID) userId: string,
    @Body() body: StaffReasonRequestDto,
    @CurrentStaff() staff: SignedInStaff,
  ): Promise<void> {
    await this.liftLockout.execute({ actor: staff.actor, userId, reason: body.reason });
  }
}
