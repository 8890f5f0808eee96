import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { filenameFrom, saveFile } from '../../../lib/download';
import { utcDay } from '../../../lib/format';
import { queryKeys } from '../../../lib/query-keys';
import type { UsersFilter } from '../hooks/use-users-filter';

/** The filtered users as CSV (the export is audited), saved as a file; resolves to the file's name. */
export async function exportUsers(input: { filter: UsersFilter; reason: string }): Promise<string> {
  const call = api.POST('/api/admin/users/export', { body: input, parseAs: 'blob' });
  const blob = (await unwrap(call)) as Blob;
  const { response } = await call;
  const filename = filenameFrom(
    response.headers.get('content-disposition'),
    `gatehouse-users-${utcDay(new Date())}.csv`,
  );
  saveFile(blob, filename);
  return filename;
}

export function useExportUsers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: exportUsers,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.audit.all }),
  });
}
