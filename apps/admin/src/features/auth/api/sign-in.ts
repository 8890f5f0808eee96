import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from '../../../lib/zod';
import { api, unwrap } from '../../../lib/api-client';
import { rememberSession, type Session } from '../../../lib/auth';
import { queryKeys } from '../../../lib/query-keys';

export const signInInputSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, 'Enter your email address.')
    .refine((value) => /^[^\s@]+@[^\s@]+$/.test(value), 'Enter an email address such as name@example.com.'),
  password: z.string().min(1, 'Enter your password.'),
});

export type SignInInput = z.output<typeof signInInputSchema>;

export async function signIn(input: SignInInput): Promise<Session> {
  return rememberSession(await unwrap(api.POST('/api/admin/session', { body: input })));
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    meta: { inlineErrors: true },
    onSuccess: (session) => {
      // Nothing cached for someone else may show through.
      queryClient.removeQueries();
      queryClient.setQueryData(queryKeys.session, session);
    },
  });
}
