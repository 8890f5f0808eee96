import { registerDecorator, type ValidationOptions } from 'class-validator';
import { decodeKeysetCursor } from '../keyset.cursor';

/** A cursor taken from a previous page's `nextCursor`; anything else is a 400, not a database error. */
export function IsKeysetCursor(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isKeysetCursor',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: 'Use the nextCursor of a previous page, unchanged.', ...options },
      validator: {
        validate: (value: unknown) => typeof value === 'string' && decodeKeysetCursor(value) !== null,
      },
    });
}
