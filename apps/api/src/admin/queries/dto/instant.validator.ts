import { isISO8601, registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';

// A day (read as midnight UTC), or a time that says its offset: "2026-05-01T12:00" alone would mean the
// server's local time, which a client cannot know.
const DAY_OR_ZONED_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * The years a date in a request may name, its offset applied. Gatehouse holds nothing from before 1970, and a
 * date past 2999 is a typo; outside these, 9999-12-31T23:59-23:59 would reach year 10000, which neither
 * toISOString nor PostgreSQL's input can carry between them.
 */
export const FIRST_YEAR = 1970;
export const LAST_YEAR = 2999;
const EARLIEST = Date.UTC(FIRST_YEAR, 0, 1);
const END = Date.UTC(LAST_YEAR + 1, 0, 1);

export const INSTANT_FORMAT = `A day (2026-05-01, midnight UTC) or a time with its offset (2026-05-01T12:00:00Z), from ${FIRST_YEAR} to ${LAST_YEAR}.`;

export const YEARS_MESSAGE = `Choose a date from ${FIRST_YEAR} to ${LAST_YEAR}.`;

/** Whether an ISO 8601 day or zoned time falls in FIRST_YEAR..LAST_YEAR (in UTC). */
export function inSupportedYears(value: string): boolean {
  const at = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return at >= EARLIEST && at < END;
}

function isInstant(value: unknown): value is string {
  return typeof value === 'string' && DAY_OR_ZONED_TIME.test(value) && isISO8601(value, { strict: true });
}

/** An ISO 8601 day or a date-time with an offset, a real calendar date, from FIRST_YEAR to LAST_YEAR. */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isInstant',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: (args: ValidationArguments) =>
          isInstant(args.value) ? `${args.property}: ${YEARS_MESSAGE}` : `${args.property}: ${INSTANT_FORMAT}`,
        ...options,
      },
      validator: { validate: (value: unknown) => isInstant(value) && inSupportedYears(value) },
    });
}

/** A day or instant (checked for its format by other rules) from FIRST_YEAR to LAST_YEAR. */
export function InSupportedYears(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'inSupportedYears',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: YEARS_MESSAGE, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && inSupportedYears(value) },
    });
}
