import { isISO8601, registerDecorator, type ValidationOptions } from 'class-validator';

// A day (read as midnight UTC), or a time that says its offset: "2026-05-01T12:00" alone would mean the
// server's local time, which a client cannot know.
const DAY_OR_ZONED_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2}))?$/;

export const INSTANT_FORMAT = 'A day (2026-05-01, midnight UTC) or a time with its offset (2026-05-01T12:00:00Z).';

/** An ISO 8601 day or a date-time with an offset, a real calendar date. */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isInstant',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `$property: ${INSTANT_FORMAT}`, ...options },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && DAY_OR_ZONED_TIME.test(value) && isISO8601(value, { strict: true }),
      },
    });
}
