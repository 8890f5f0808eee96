import { DEFAULT_STAFF_SESSION_POLICY } from '../staff/staff-session';
import { UserActionRunner } from '../staff/user-actions';
import { AuthenticateStaff } from '../use-cases/authenticate-staff.use-case';
import { BulkResendConfirmation } from '../use-cases/bulk-resend-confirmation.use-case';
import { CompleteStaffSetup } from '../use-cases/complete-staff-setup.use-case';
import { ConfirmUserByStaff } from '../use-cases/confirm-user-by-staff.use-case';
import { CreateStaffMember } from '../use-cases/create-staff-member.use-case';
import { DeleteUser } from '../use-cases/delete-user.use-case';
import { DisableUser } from '../use-cases/disable-user.use-case';
import { EnableUser } from '../use-cases/enable-user.use-case';
import { LiftStaffLockout } from '../use-cases/lift-staff-lockout.use-case';
import { PrepareFirstAdmin } from '../use-cases/prepare-first-admin.use-case';
import { RecordUsersExport } from '../use-cases/record-users-export.use-case';
import { ResendConfirmationByStaff } from '../use-cases/resend-confirmation-by-staff.use-case';
import { DEFAULT_SIGN_IN_LOCKOUT, SignInStaff } from '../use-cases/sign-in-staff.use-case';
import { SignOutStaff } from '../use-cases/sign-out-staff.use-case';
import { UpdateStaffMember } from '../use-cases/update-staff-member.use-case';
import { LiftUserSignInLockout } from '../use-cases/lift-user-sign-in-lockout.use-case';
import { LiftSuppression } from '../use-cases/lift-suppression.use-case';
import { InMemoryDeliverabilityStore, InMemorySuppressions } from './in-memory-deliverability-ports';
import { ShortCommonPasswords } from './in-memory-ports';
import { registrationHarness } from './registration-harness';

/** The back-office use cases on the same in-memory ports as the registration ones, as the admin module wires them. */
export function backOfficeHarness() {
  const base = registrationHarness();
  const { unitOfWork, hasher, digester, random, clock, mailer } = base;
  const policy = DEFAULT_STAFF_SESSION_POLICY;
  const createStaff = new CreateStaffMember(unitOfWork, hasher, random, clock, new ShortCommonPasswords());
  const actions = new UserActionRunner(unitOfWork, random, clock);
  const deliverability = new InMemoryDeliverabilityStore();
  const suppressions = new InMemorySuppressions(deliverability, (entry) => base.store.staff.audit.push(entry));
  return {
    ...base,
    deliverability,
    staffStore: () => base.store.staff,
    signIn: new SignInStaff(unitOfWork, hasher, digester, random, clock, policy, DEFAULT_SIGN_IN_LOCKOUT),
    authenticate: new AuthenticateStaff(unitOfWork, digester, clock, policy),
    signOut: new SignOutStaff(unitOfWork, digester, clock),
    createStaff,
    updateStaff: new UpdateStaffMember(unitOfWork, random, clock),
    liftLockout: new LiftStaffLockout(unitOfWork, random, clock),
    prepareFirstAdmin: new PrepareFirstAdmin(unitOfWork, createStaff, digester, random, clock),
    completeSetup: new CompleteStaffSetup(unitOfWork, createStaff, digester, clock),
    confirmUser: new ConfirmUserByStaff(actions),
    disableUser: new DisableUser(actions),
    enableUser: new EnableUser(actions),
    deleteUser: new DeleteUser(actions),
    resendByStaff: new ResendConfirmationByStaff(actions, mailer, suppressions),
    bulkResend: new BulkResendConfirmation(unitOfWork, mailer, random, clock, suppressions),
    liftSignInLockout: new LiftUserSignInLockout(actions),
    liftSuppression: new LiftSuppression(unitOfWork, suppressions, random, clock),
    recordExport: new RecordUsersExport(unitOfWork, random, clock),
  };
}
