import { Readable } from 'node:stream';
import type { UserListItemResponseDto } from '../queries/dto/user-list-item.response.dto';
import { writeUsersCsv } from '../queries/users-csv.writer';

/** What an export handed to the connection: how many users, and whether the list ran to its end. */
export interface DeliveredExport {
  rows: number;
  complete: boolean;
}

/**
 * The CSV of an export as a stream, with its first page already read: a query that fails at once fails here,
 * before a status or a byte is sent, and the caller answers with an error instead of a cut 200. `ended` runs
 * once the stream is over (the last page sent, a later page failed, or the client went away), with what went
 * out, so the audit log records what was delivered rather than what was asked for.
 */
export async function usersExportStream(
  batches: AsyncIterable<readonly UserListItemResponseDto[]>,
  ended: (delivered: DeliveredExport) => Promise<void>,
): Promise<Readable> {
  const pages = batches[Symbol.asyncIterator]();
  const first = await pages.next();
  async function* counted(): AsyncGenerator<readonly UserListItemResponseDto[]> {
    const delivered: DeliveredExport = { rows: 0, complete: false };
    try {
      for (let page = first; !page.done; page = await pages.next()) {
        yield page.value;
        // Resumed only when the writer asks for more, so the page before has been handed on.
        delivered.rows += page.value.length;
      }
      delivered.complete = true;
    } finally {
      if (!delivered.complete) await pages.return?.();
      await ended(delivered);
    }
  }
  // One chunk ahead at most: an export holds a page, never the whole list.
  return Readable.from(writeUsersCsv(counted()), { highWaterMark: 1 });
}
