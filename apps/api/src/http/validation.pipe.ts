import { CONTROL_CHARACTER_MESSAGE, controlCharacterFields, withoutNulls } from './control-characters';
import type { FieldError } from './error-responses';
import { BadRequestException, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';

// When a field breaks several rules, the most basic one is the one a person can act on first.
const CONSTRAINT_PRIORITY = ['whitelistValidation', 'isDefined', 'isString'];

/** The global ValidationPipe, answering in the documented shape: {"errors":[{"field","message"}]}. */
class FieldValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => new BadRequestException({ errors: errors.flatMap((error) => problems(error)) }),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const isDto = metadata.type === 'body' && metadata.metatype && metadata.metatype !== Object;
    if (isDto && (typeof value !== 'object' || value === null || Array.isArray(value))) {
      throw new BadRequestException({
        errors: [{ field: 'body', message: 'Send a JSON object with Content-Type: application/json.' }],
      });
    }
    const validated: unknown = await super.transform(isRequestDto(metadata) ? withoutNulls(value) : value, metadata);
    // Once here for every request DTO, not per field: no text with NUL and the like reaches PostgreSQL (which
    // refuses NUL in text), a log line or an email. Raw bodies (the public forms) are the domain's to check.
    if (isRequestDto(metadata)) {
      const fields = controlCharacterFields(validated, '');
      if (fields.length) {
        throw new BadRequestException({
          errors: fields.map((field) => ({ field: field || metadata.type, message: CONTROL_CHARACTER_MESSAGE })),
        });
      }
    }
    return validated;
  }
}

const NOT_DTOS: ReadonlySet<unknown> = new Set([Object, String, Number, Boolean, Array]);

function isRequestDto(metadata: ArgumentMetadata): boolean {
  return (
    ['body', 'query', 'param'].includes(metadata.type) &&
    typeof metadata.metatype === 'function' &&
    !NOT_DTOS.has(metadata.metatype)
  );
}

export function createValidationPipe(): ValidationPipe {
  return new FieldValidationPipe();
}

function problems(error: ValidationError, prefix = ''): FieldError[] {
  const field = prefix ? `${prefix}.${error.property}` : error.property;
  const constraints = Object.entries(error.constraints ?? {});
  const rank = (name: string) => {
    const index = CONSTRAINT_PRIORITY.indexOf(name);
    return index === -1 ? CONSTRAINT_PRIORITY.length : index;
  };
  const [first] = constraints.sort(([a], [b]) => rank(a) - rank(b));
  const own = first
    ? [
        {
          field,
          message: first[0] === 'whitelistValidation' ? `Unknown field "${error.property}": remove it.` : first[1],
        },
      ]
    : [];
  return [...own, ...(error.children ?? []).flatMap((child) => problems(child, field))];
}
