import type { StaffPermission } from '@gatehouse/domain/staff/staff-permissions';
import { SetMetadata } from '@nestjs/common';

export const STAFF_ACCESS = 'gatehouse:staff-access';

/** Who may call a back-office route: anyone (sign-in, setup), any signed-in member, or holders of a permission. */
export type StaffAccessRule = 'public' | 'signed-in' | StaffPermission;

export const StaffAccess = (rule: StaffAccessRule) => SetMetadata(STAFF_ACCESS, rule);
