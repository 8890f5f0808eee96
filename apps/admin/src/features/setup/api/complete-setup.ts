import { useMutation } from '@tanstack/react-query';
import { z } from '../../../lib/zod';
import { api, unwrap } from '../../../lib/api-client';
import type { StaffMember } from '../../../lib/auth';

/** As the API checks it: any address, a password of 8 to 256 characters (counted as a person counts them). */
export const setupInputSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, 'Enter the first admin’s email address.')
    .refine((value) => /^[^\s@]+@[^\s@]+$/.test(value), 'Enter an email address such as name@example.com.'),
  password: z
    .string()
    .refine((value) => [...value].length >= 8, 'Use at least 8 characters.')
    .refine((value) => [...value].length <= 256, 'Use at most 256 characters.'),
});

export type SetupInput = z.output<typeof setupInputSchema>;

export function completeSetup(input: SetupInput & { token: string }): Promise<StaffMember> {
  return unwrap(api.POST('/api/admin/setup', { body: input }));
}

export function useCompleteSetup() {
  return useMutation({ mutationFn: completeSetup, meta: { inlineErrors: true } });
}
