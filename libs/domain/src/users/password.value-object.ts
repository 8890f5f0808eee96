import { InvalidInput } from '../errors/invalid-input.error';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 256;

/**
 * A password as typed, checked by NIST SP 800-63B's length rule counted in Unicode code points
 * (so "пароль12" and emoji count as a person sees them). Any characters are allowed.
 */
export class Password {
  private constructor(readonly value: string) {}

  static parse(raw: string): Password {
    const length = [...raw].length;
    if (length < PASSWORD_MIN_LENGTH) {
      throw InvalidInput.of(
        'password',
        'password.too_short',
        `Use at least ${PASSWORD_MIN_LENGTH} characters (you typed ${length}).`,
        {
          min: PASSWORD_MIN_LENGTH,
          length,
        },
      );
    }
    if (length > PASSWORD_MAX_LENGTH) {
      throw InvalidInput.of(
        'password',
        'password.too_long',
        `Use at most ${PASSWORD_MAX_LENGTH} characters (you typed ${length}).`,
        {
          max: PASSWORD_MAX_LENGTH,
          length,
        },
      );
    }
    return new Password(raw);
  }

  /** Never print a password by accident. */
  toString(): string {
    return '[password]';
  }

  toJSON(): string {
    return '[password]';
  }
}
