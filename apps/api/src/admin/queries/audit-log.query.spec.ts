import { type ArgumentMetadata, BadRequestException } from '@nestjs/common';
import { type DataSource } from 'typeorm';
import { createValidationPipe } from '../../http/validation.pipe';
import { AuditLogQuery } from './audit-log.query';
import { AuditLogRequestDto } from './dto/audit-log.request.dto';
import { migratedTestDatabase, type MigratedTestDatabase } from './testing/migrated-test-database';
import { anAuditEntry, type AuditFields } from './testing/rows.factory';

const ADMIN = '00000000-0000-4000-8000-00000000a001';
const SUPPORT = '00000000-0000-4000-8000-00000000a002';
const ALICE = '00000000-0000-4000-8000-0000000000a1';
const BOB = '00000000-0000-4000-8000-0000000000b2';

describe('AuditLogQuery', () => {
  let database: MigratedTestDatabase;
  let dataSource: DataSource;
  let audit: AuditLogQuery;
  const entries: AuditFields[] = [];

  beforeAll(async () => {
    database = await migratedTestDatabase();
    dataSource = database.dataSource;
    audit = new AuditLogQuery(dataSource);
    const seed: Partial<AuditFields>[] = [
      {
        staffId: ADMIN,
        action: 'staff.sign_in',
        targetType: 'staff',
        targetId: ADMIN,
        createdAt: '2026-03-01T08:00:00Z',
      },
      { staffId: SUPPORT, action: 'user.resend_confirmation', targetId: ALICE, createdAt: '2026-03-01T09:00:00Z' },
      { staffId: ADMIN, action: 'user.disable', targetId: ALICE, createdAt: '2026-03-01T10:00:00.000001Z' },
      { staffId: ADMIN, action: 'user.enable', targetId: ALICE, createdAt: '2026-03-01T10:00:00.000001Z' },
      { staffId: ADMIN, action: 'user.disable', targetId: BOB, createdAt: '2026-03-01T10:00:00.000001Z' },
      { staffId: SUPPORT, action: 'user.resend_confirmation', targetId: BOB, createdAt: '2026-03-02T00:00:00Z' },
      {
        staffId: ADMIN,
        action: 'users.bulk_resend',
        targetType: 'users',
        targetId: null,
        changes: { count: 12, filter: { status: 'pending' } },
        createdAt: '2026-03-02T12:00:00Z',
      },
      {
        staffId: null,
        staffEmail: 'gone@example.com',
        action: 'user.delete',
        targetId: BOB,
        createdAt: '2026-03-03T00:00:00Z',
      },
    ];
    for (const fields of seed) entries.push(await anAuditEntry(dataSource, fields));
  });

  afterAll(async () => {
    await database.close();
  });

  // Newest first; entries at one instant by id, descending.
  function expected(keep: (entry: AuditFields) => boolean): string[] {
    return entries
      .filter(keep)
      .sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1))
      .map((entry) => entry.id);
  }

  async function walk(request: AuditLogRequestDto): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await audit.list({ ...request, cursor });
      ids.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return ids;
  }

  it.each<[string, AuditLogRequestDto, (entry: AuditFields) => boolean]>([
    ['everything', {}, () => true],
    ['by staff member', { staffId: ADMIN }, (entry) => entry.staffId === ADMIN],
    ['by action', { action: 'user.resend_confirmation' }, (entry) => entry.action === 'user.resend_confirmation'],
    ['by target', { targetType: 'user', targetId: ALICE }, (entry) => entry.targetId === ALICE],
    ['by target type', { targetType: 'users' }, (entry) => entry.targetType === 'users'],
    [
      'by time, from included, to excluded',
      { from: '2026-03-01T10:00:00.000001Z', to: '2026-03-02T12:00:00Z' },
      (entry) => entry.createdAt >= '2026-03-01T10:00:00.000001Z' && entry.createdAt < '2026-03-02T12:00:00Z',
    ],
    [
      'by day and staff member',
      { from: '2026-03-01', to: '2026-03-02', staffId: ADMIN },
      (entry) => entry.createdAt.startsWith('2026-03-01') && entry.staffId === ADMIN,
    ],
    [
      'by staff member and target',
      { staffId: ADMIN, targetType: 'user', targetId: BOB },
      (entry) => entry.staffId === ADMIN && entry.targetId === BOB,
    ],
  ])('filters %s, newest first, page by page', async (_name, request, keep) => {
    const want = expected(keep);
    expect(want.length).toBeGreaterThan(0);
    expect((await audit.list(request)).items.map((item) => item.id)).toEqual(want);
    expect(await walk({ ...request, limit: 1 })).toEqual(want);
    expect(await walk({ ...request, limit: 2 })).toEqual(want);
  });

  it('returns each entry whole', async () => {
    const bulk = entries.find((entry) => entry.action === 'users.bulk_resend')!;
    const page = await audit.list({ action: 'users.bulk_resend' });
    expect(page).toEqual({
      items: [
        {
          id: bulk.id,
          staffId: ADMIN,
          staffEmail: 'admin@example.com',
          action: 'users.bulk_resend',
          targetType: 'users',
          targetId: null,
          reason: 'Asked by the person',
          changes: { count: 12, filter: { status: 'pending' } },
          createdAt: new Date('2026-03-02T12:00:00Z'),
        },
      ],
      nextCursor: null,
    });
    const deleted = await audit.list({ action: 'user.delete' });
    expect(deleted.items[0]).toMatchObject({ staffId: null, staffEmail: 'gone@example.com' });
  });

  it('answers an empty page for filters nothing matches', async () => {
    expect(await audit.list({ action: 'staff.create' })).toEqual({ items: [], nextCursor: null });
  });

  describe('request validation (through the application ValidationPipe)', () => {
    const pipe = createValidationPipe();
    const metadata: ArgumentMetadata = { type: 'query', metatype: AuditLogRequestDto };

    it('turns query strings into a typed request', async () => {
      await expect(
        pipe.transform({ staffId: ADMIN, targetType: 'user', targetId: ALICE, limit: '10' }, metadata),
      ).resolves.toEqual({ staffId: ADMIN, targetType: 'user', targetId: ALICE, limit: 10 });
    });

    it.each([
      [{ staffId: 'admin' }, 'staffId'],
      [{ targetId: ALICE }, 'targetType'],
      [{ targetType: 'session' }, 'targetType'],
      [{ action: "user.disable' OR 1=1" }, 'action'],
      [{ from: '2026-03-01T10:00' }, 'from'],
      [{ to: 'tomorrow' }, 'to'],
      [{ cursor: 'bm90IGEgY3Vyc29y' }, 'cursor'],
      [{ limit: '101' }, 'limit'],
    ])('refuses %j, naming %s', async (query, field) => {
      const error = await pipe.transform(query, metadata).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(BadRequestException);
      const body = (error as BadRequestException).getResponse() as { errors: { field: string }[] };
      expect(body.errors.map((problem) => problem.field)).toEqual([field]);
    });
  });
});
