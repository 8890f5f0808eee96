import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, setCsrfToken, unwrap } from './api-client';
import type { components } from './api-schema';
import { queryKeys } from './query-keys';

export type Session = components['schemas']['SessionResponseDto'];
export type StaffMember = components['schemas']['StaffMemberResponseDto'];

/** Who is signed in, or null when nobody is (the API answers 401). */
export async function getSession(): Promise<Session | null> {
  const call = api.GET('/api/admin/session');
  const { response } = await call.catch(() => ({ response: undefined }));
  if (response?.status === 401) {
    setCsrfToken(undefined);
    return null;
  }
  const session = await unwrap(call);
  setCsrfToken(session.csrfToken);
  return session;
}

export const sessionQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.session,
    queryFn: getSession,
    staleTime: 60_000,
    retry: false,
  });

export function useSession() {
  return useQuery(sessionQueryOptions());
}

/** Remembers a session the API just returned (sign-in), with its CSRF token. */
export function rememberSession(session: Session): Session {
  setCsrfToken(session.csrfToken);
  return session;
}
