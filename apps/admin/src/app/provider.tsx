import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { toast, Toaster } from '../components/ui/toast';
import { setUnauthorizedHandler } from '../lib/api-client';
import { createQueryClient } from '../lib/query-client';
import { queryKeys } from '../lib/query-keys';

/** Server state and toasts for everything below; a 401 anywhere forgets the session (RequireSession redirects). */
export function AppProvider({ children, queryClient }: { children: ReactNode; queryClient?: QueryClient }) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  useEffect(() => {
    setUnauthorizedHandler(() => {
      if (client.getQueryData(queryKeys.session)) toast.info('Your session has ended. Sign in again.');
      client.setQueryData(queryKeys.session, null);
    });
    return () => setUnauthorizedHandler(() => undefined);
  }, [client]);
  return (
    <QueryClientProvider client={client}>
      {children}
      <Toaster />
    </QueryClientProvider>
  );
}
