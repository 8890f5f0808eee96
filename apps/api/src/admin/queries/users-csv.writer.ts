import { UserListItemResponseDto } from './dto/user-list-item.response.dto';

export const USERS_CSV_COLUMNS = [
  'id',
  'email',
  'status',
  'locale',
  'created_at',
  'confirmed_at',
  'latest_delivery_state',
] as const;

const LINE_END = '\r\n';
// A spreadsheet runs a cell that starts with one of these as a formula (CSV injection); a leading quote
// makes it text. An address may legally start with = + - or @ in its local part.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * The users CSV (RFC 4180, CRLF lines) written batch by batch: the header, then one string per batch, so a
 * caller can stream it (`Readable.from(writeUsersCsv(directory.batches(filter, now)))`) without holding it.
 */
export async function* writeUsersCsv(
  batches: AsyncIterable<readonly UserListItemResponseDto[]>,
): AsyncGenerator<string> {
  yield csvLine(USERS_CSV_COLUMNS);
  for await (const batch of batches) {
    if (!batch.length) continue;
    yield batch
      .map((user) =>
        csvLine([
          user.id,
          user.email,
          user.status,
          user.locale,
          user.createdAt.toISOString(),
          user.confirmedAt?.toISOString() ?? '',
          user.latestDelivery?.state ?? '',
        ]),
      )
      .join('');
  }
}

function csvLine(values: readonly string[]): string {
  return values.map(csvCell).join(',') + LINE_END;
}

function csvCell(value: string): string {
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
