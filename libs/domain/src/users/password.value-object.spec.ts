import { InvalidInput } from '../errors/invalid-input.error';
import { Password } from './password.value-object';

describe('Password', () => {
  it('counts Unicode code points, not UTF-16 units', () => {
    // Four emoji are eight UTF-16 units but four characters to a person.
    expect(() => Password.parse('😀😀😀😀')).toThrow('Use at least 8 characters (you typed 4).');
    expect(Password.parse('😀😀😀😀😀😀😀😀').value).toHaveLength(16);
  });

  it('allows any characters between 8 and 256 code points', () => {
    expect(Password.parse('        ').value).toBe('        ');
    expect(Password.parse('пароль12').value).toBe('пароль12');
    expect(Password.parse('x'.repeat(256)).value).toHaveLength(256);
  });

  it('refuses too short and too long with the field named', () => {
    for (const raw of ['short', 'x'.repeat(257)]) {
      try {
        Password.parse(raw);
        throw new Error('expected a refusal');
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidInput);
        expect((error as InvalidInput).problems[0].field).toBe('password');
      }
    }
  });

  it('never prints itself', () => {
    const password = Password.parse('correct horse battery');
    expect(String(password)).toBe('[password]');
    expect(JSON.stringify({ password })).toBe('{"password":"[password]"}');
  });
});
