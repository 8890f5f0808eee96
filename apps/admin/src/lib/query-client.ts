import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { toast } from '../components/ui/toast';
import { ApiError } from './api-error';

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: {
      /** The form shows this mutation's errors itself (sign-in, setup): no toast. */
      inlineErrors?: boolean;
    };
  }
}

/** A 401 sends the person to sign-in instead (see api-client.ts): no toast for it. */
const isSessionEnd = (error: unknown) => error instanceof ApiError && error.status === 401;

/**
 * Server state for the whole dashboard. Failed actions become error toasts; a failed load shows its error in
 * the page, and a failed refresh of something already shown becomes a toast.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (query.state.data !== undefined && !isSessionEnd(error)) toast.error(error.message);
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (!mutation.meta?.inlineErrors && !isSessionEnd(error)) toast.error(error.message);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        // A 4xx will not change by asking again; a network error or a 5xx might.
        retry: (failures, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
      },
    },
  });
}
