import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from '../../../lib/zod';
import { reasonSchema } from '../../../components/reason-dialog';
import { api, unwrap } from '../../../lib/api-client';
import { valuesOf, type StaffRole } from '../../../lib/api-enums';
import type { StaffMember } from '../../../lib/auth';
import { queryKeys } from '../../../lib/query-keys';

/** What each role may do, as the role lists say it, in the lists' order. */
export const STAFF_ROLE_LABELS = {
  support: 'support: find people, resend links',
  admin: 'admin: everything, including staff',
} satisfies Record<StaffRole, string>;

export const STAFF_ROLES = valuesOf(STAFF_ROLE_LABELS);

export const addStaffInputSchema = z
  .object({
    email: z
      .string()
      .trim()
      .min(1, 'Enter their email address.')
      .refine((value) => /^[^\s@]+@[^\s@]+$/.test(value), 'Enter an email address such as name@example.com.'),
    password: z
      .string()
      .refine((value) => [...value].length >= 8, 'Use at least 8 characters.')
      .refine((value) => [...value].length <= 256, 'Use at most 256 characters.'),
    role: z.enum(STAFF_ROLES, 'Choose a role.'),
  })
  .extend(reasonSchema.shape);

export type AddStaffInput = z.output<typeof addStaffInputSchema>;

export function addStaff(input: AddStaffInput): Promise<StaffMember> {
  return unwrap(api.POST('/api/admin/staff', { body: input }));
}

export function useAddStaff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addStaff,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.staff.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.audit.all }),
      ]),
  });
}
