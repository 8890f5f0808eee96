import { type ArgumentMetadata, BadRequestException } from '@nestjs/common';
import { type DataSource } from 'typeorm';
import { createValidationPipe } from '../../http/validation.pipe';
import { RegistrationStatsRequestDto } from './dto/registration-stats.request.dto';
import { RegistrationStatsQuery } from './registration-stats.query';
import { migratedTestDatabase, type MigratedTestDatabase } from './testing/migrated-test-database';
import { aUser, anOutboxRow } from './testing/rows.factory';

describe('RegistrationStatsQuery', () => {
  let database: MigratedTestDatabase;
  let dataSource: DataSource;
  let stats: RegistrationStatsQuery;

  beforeAll(async () => {
    // The database's sessions run at UTC+14: days must still be UTC days.
    database = await migratedTestDatabase('Pacific/Kiritimati');
    dataSource = database.dataSource;
    stats = new RegistrationStatsQuery(dataSource);

    // Before the range, confirmed on its first day (610 s).
    const before = await aUser(dataSource, {
      createdAt: '2026-02-28T23:59:50Z',
      confirmedAt: '2026-03-01T00:10:00Z',
      status: 'active',
    });
    await anOutboxRow(dataSource, before.id, { state: 'failed', createdAt: '2026-02-28T23:59:51Z' });
    // The range's first instant, confirmed within the hour (3600 s).
    const first = await aUser(dataSource, {
      createdAt: '2026-03-01T00:00:00Z',
      confirmedAt: '2026-03-01T01:00:00Z',
      status: 'active',
    });
    await anOutboxRow(dataSource, first.id, { state: 'sent', createdAt: '2026-03-01T00:00:01Z' });
    // Still pending; its email failed.
    const waiting = await aUser(dataSource, { createdAt: '2026-03-01T12:00:00Z' });
    await anOutboxRow(dataSource, waiting.id, { state: 'failed', createdAt: '2026-03-01T12:00:01Z' });
    // Confirmed in two hours (7200 s), later disabled; a failed webhook about them is not a failed email.
    const disabled = await aUser(dataSource, {
      createdAt: '2026-03-02T05:00:00Z',
      confirmedAt: '2026-03-02T07:00:00Z',
      status: 'disabled',
    });
    await anOutboxRow(dataSource, disabled.id, { state: 'sent', createdAt: '2026-03-02T05:00:01Z' });
    await anOutboxRow(dataSource, disabled.id, {
      channel: 'webhook',
      template: 'user.registered',
      state: 'failed',
      createdAt: '2026-03-02T05:00:02Z',
    });
    // The range's last microsecond; the email left and the person confirmed after the range.
    const last = await aUser(dataSource, {
      createdAt: '2026-03-04T23:59:59.999999Z',
      confirmedAt: '2026-03-05T00:00:01Z',
      status: 'active',
    });
    await anOutboxRow(dataSource, last.id, {
      state: 'sent',
      createdAt: '2026-03-04T23:59:59.999999Z',
      sentAt: '2026-03-05T00:00:00Z',
    });
    // After the range, pending, its email failed.
    const after = await aUser(dataSource, { createdAt: '2026-03-05T00:00:00Z' });
    await anOutboxRow(dataSource, after.id, { state: 'failed', createdAt: '2026-03-05T00:00:01Z' });
    // An "already registered" notice is an email sent, but not a confirmation email in the funnel.
    await anOutboxRow(dataSource, waiting.id, {
      template: 'already-registered',
      state: 'sent',
      createdAt: '2026-03-03T10:00:00Z',
    });
  });

  afterAll(async () => {
    await database.close();
  });

  it('counts per UTC day, zero-filled, with totals, rate, median, pending and deliveries', async () => {
    expect(await stats.forRange({ from: '2026-03-01', to: '2026-03-04' })).toEqual({
      from: '2026-03-01',
      to: '2026-03-04',
      days: [
        { day: '2026-03-01', registrations: 2, confirmations: 2 },
        { day: '2026-03-02', registrations: 1, confirmations: 1 },
        { day: '2026-03-03', registrations: 0, confirmations: 0 },
        { day: '2026-03-04', registrations: 1, confirmations: 0 },
      ],
      registrations: 4,
      confirmations: 3,
      confirmationRate: 0.75,
      medianSecondsToConfirm: 3600,
      pendingNow: 2,
      failedDeliveries: 1,
      emailsSent: 3,
      funnel: { registered: 4, emailSent: 3, confirmed: 3 },
    });
  });

  it('interpolates the median and answers nulls when nobody signed up or confirmed', async () => {
    const oneDay = await stats.forRange({ from: '2026-03-02', to: '2026-03-02' });
    expect(oneDay).toMatchObject({ registrations: 1, confirmationRate: 1, medianSecondsToConfirm: 7200 });

    const twoConfirmations = await stats.forRange({ from: '2026-03-02', to: '2026-03-05' });
    expect(twoConfirmations.medianSecondsToConfirm).toBeCloseTo((7200 + 1.000001) / 2, 5);

    const quiet = await stats.forRange({ from: '2025-01-01', to: '2025-12-31' });
    expect(quiet.days).toHaveLength(365);
    expect(quiet.days.every((day) => day.registrations === 0 && day.confirmations === 0)).toBe(true);
    expect(quiet).toMatchObject({
      registrations: 0,
      confirmations: 0,
      confirmationRate: null,
      medianSecondsToConfirm: null,
      pendingNow: 2,
      failedDeliveries: 0,
      emailsSent: 0,
      funnel: { registered: 0, emailSent: 0, confirmed: 0 },
    });
  });

  describe('request validation (through the application ValidationPipe)', () => {
    const pipe = createValidationPipe();
    const metadata: ArgumentMetadata = { type: 'query', metatype: RegistrationStatsRequestDto };

    it('takes a range of up to 366 days, a leap year included', async () => {
      await expect(pipe.transform({ from: '2028-01-01', to: '2028-12-31' }, metadata)).resolves.toEqual({
        from: '2028-01-01',
        to: '2028-12-31',
      });
      await expect(pipe.transform({ from: '2026-03-01', to: '2026-03-01' }, metadata)).resolves.toBeDefined();
    });

    it.each([
      [{ from: '2026-03-02', to: '2026-03-01' }, 'to'],
      [{ from: '2026-01-01', to: '2027-01-02' }, 'to'],
      [{ from: '2026-02-30', to: '2026-03-01' }, 'from'],
      [{ from: '2026-03-01T00:00:00Z', to: '2026-03-02' }, 'from'],
      [{ to: '2026-03-02' }, 'from'],
      [{ from: '2026-03-01' }, 'to'],
    ])('refuses %j, naming %s', async (query, field) => {
      const error = await pipe.transform(query, metadata).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(BadRequestException);
      const body = (error as BadRequestException).getResponse() as { errors: { field: string }[] };
      expect(body.errors.map((problem) => problem.field)).toContain(field);
    });

    it('refuses a range the DTO would refuse when called directly', async () => {
      await expect(stats.forRange({ from: '2026-01-01', to: '2027-06-01' })).rejects.toThrow(RangeError);
      await expect(stats.forRange({ from: '2026-03-02', to: '2026-03-01' })).rejects.toThrow(RangeError);
    });
  });
});
