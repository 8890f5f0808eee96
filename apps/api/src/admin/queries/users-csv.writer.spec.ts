import { type UserListItemResponseDto } from './dto/user-list-item.response.dto';
import { writeUsersCsv } from './users-csv.writer';

function aListedUser(fields: Partial<UserListItemResponseDto> = {}): UserListItemResponseDto {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    email: 'ada@example.com',
    status: 'active',
    locale: 'en',
    createdAt: new Date('2026-03-01T08:00:00.123Z'),
    confirmedAt: new Date('2026-03-01T08:30:00Z'),
    latestDelivery: { state: 'sent', template: 'confirmation', createdAt: new Date('2026-03-01T08:00:01Z') },
    ...fields,
  };
}

async function* batchesOf(...batches: UserListItemResponseDto[][]): AsyncGenerator<UserListItemResponseDto[]> {
  for (const batch of batches) yield batch;
}

async function csv(...batches: UserListItemResponseDto[][]): Promise<string> {
  let text = '';
  for await (const chunk of writeUsersCsv(batchesOf(...batches))) text += chunk;
  return text;
}

/** The cell values a spreadsheet reads back, by RFC 4180. */
function parse(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index]!;
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (character === '"') quoted = false;
      else cell += character;
    } else if (character === '"') quoted = true;
    else if (character === ',') {
      row.push(cell);
      cell = '';
    } else if (character === '\r' && text[index + 1] === '\n') {
      rows.push([...row, cell]);
      row = [];
      cell = '';
      index += 1;
    } else cell += character;
  }
  expect(cell).toBe('');
  expect(row).toEqual([]);
  return rows;
}

describe('writeUsersCsv', () => {
  it('writes a header, then one CRLF line per user, batch after batch', async () => {
    const text = await csv(
      [aListedUser(), aListedUser({ status: 'pending', confirmedAt: null, latestDelivery: null, locale: 'de' })],
      [],
      [
        aListedUser({
          id: '00000000-0000-4000-8000-000000000003',
          latestDelivery: { state: 'failed', template: 'confirmation', createdAt: new Date() },
        }),
      ],
    );
    expect(text).toBe(
      'id,email,status,locale,created_at,confirmed_at,latest_delivery_state\r\n' +
        '00000000-0000-4000-8000-000000000001,ada@example.com,active,en,2026-03-01T08:00:00.123Z,2026-03-01T08:30:00.000Z,sent\r\n' +
        '00000000-0000-4000-8000-000000000001,ada@example.com,pending,de,2026-03-01T08:00:00.123Z,,\r\n' +
        '00000000-0000-4000-8000-000000000003,ada@example.com,active,en,2026-03-01T08:00:00.123Z,2026-03-01T08:30:00.000Z,failed\r\n',
    );
  });

  it('writes only the header when nobody matches', async () => {
    expect(await csv()).toBe('id,email,status,locale,created_at,confirmed_at,latest_delivery_state\r\n');
  });

  it.each([
    ['a,b@example.com', '"a,b@example.com"', 'a,b@example.com'],
    ['"quoted"@example.com', '"""quoted""@example.com"', '"quoted"@example.com'],
    ['line\nbreak@example.com', '"line\nbreak@example.com"', 'line\nbreak@example.com'],
    ['=HYPERLINK("http://evil")@x.com', `"'=HYPERLINK(""http://evil"")@x.com"`, `'=HYPERLINK("http://evil")@x.com`],
    ['+1-555@example.com', "'+1-555@example.com", "'+1-555@example.com"],
    ['-2+3@example.com', "'-2+3@example.com", "'-2+3@example.com"],
    ['@SUM(A1)@example.com', "'@SUM(A1)@example.com", "'@SUM(A1)@example.com"],
    ['\tcmd@example.com', "'\tcmd@example.com", "'\tcmd@example.com"],
    ['\rcmd@example.com', `"'\rcmd@example.com"`, "'\rcmd@example.com"],
    ['=1+1,"x"', `"'=1+1,""x"""`, `'=1+1,"x"`],
    ['ok=1@example.com', 'ok=1@example.com', 'ok=1@example.com'],
  ])('writes %j as %j, read back as %j', async (email, cell, readBack) => {
    const text = await csv([aListedUser({ email })]);
    expect(text.split('\r\n')[1]).toBe(
      `00000000-0000-4000-8000-000000000001,${cell},active,en,2026-03-01T08:00:00.123Z,2026-03-01T08:30:00.000Z,sent`,
    );
    expect(parse(text)[1]?.[1]).toBe(readBack);
  });
});
