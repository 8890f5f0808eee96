import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** How many days [from, to] spans, both included; NaN unless both are calendar days (YYYY-MM-DD). */
export function daysInRange(from: unknown, to: unknown): number {
  if (typeof from !== 'string' || typeof to !== 'string' || !DAY.test(from) || !DAY.test(to)) return Number.NaN;
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  return (end - start) / DAY_MS + 1;
}

/** The end of a range of days: on or after the day named by `fromProperty`, and at most `maxDays` days long. */
export function IsRangeEnd(fromProperty: string, maxDays: number, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isRangeEnd',
      target: target.constructor,
      propertyName: propertyName as string,
      constraints: [fromProperty, maxDays],
      options: {
        message: `Choose a day on or after ${fromProperty}, at most ${maxDays} days in all.`,
        ...options,
      },
      validator: {
        validate: (value: unknown, args: ValidationArguments) => {
          const days = daysInRange((args.object as Record<string, unknown>)[fromProperty], value);
          return days >= 1 && days <= maxDays;
        },
      },
    });
}
