import { InvalidInput } from '../errors/invalid-input.error';
import { AddressFolding } from './address-folding';
import { Email } from './email.value-object';

describe('Email', () => {
  it('trims, keeps the spelling and compares case-insensitively', () => {
    const email = Email.parse('  Alice@Example.COM ');
    expect(email.value).toBe('Alice@Example.COM');
    expect(email.normalized).toBe('alice@example.com');
    expect(email.equals(Email.parse('alice@example.com'))).toBe(true);
  });

  it('normalises Unicode to NFC so composed and decomposed spellings are one address', () => {
    const decomposed = 'jose\u0301@example.com';
    const composed = 'jos\u00e9@example.com';
    expect(Email.parse(decomposed).value).toBe(composed);
    expect(Email.parse(decomposed).normalized).toBe(Email.parse(composed).normalized);
  });

  it.each([
    ['', 'Enter your email address.'],
    ['   ', 'Enter your email address.'],
    ['alice', 'Enter an email address like name@example.com.'],
    ['@example.com', 'Enter an email address like name@example.com.'],
    ['alice@', 'Enter an email address like name@example.com.'],
    ['alice@example', 'The part after @ needs a domain like example.com.'],
    ['al ice@example.com', 'The part before @ contains characters an email address cannot have.'],
    ['alice..b@example.com', 'The part before @ contains characters an email address cannot have.'],
    ["a'; DROP TABLE users;--@example.com", 'The part before @ contains characters an email address cannot have.'],
    ['alice@exa_mple.com', 'The part after @ is not a valid domain.'],
    ['alice@-example.com', 'The part after @ is not a valid domain.'],
    ['alice@example.c', 'The part after @ is not a valid domain.'],
  ])('refuses %j with a message a person can act on', (raw, message) => {
    expect(() => Email.parse(raw)).toThrow(InvalidInput);
    try {
      Email.parse(raw);
    } catch (error) {
      expect((error as InvalidInput).problems).toEqual([expect.objectContaining({ field: 'email', message })]);
    }
  });

  it('keys an internationalised domain by its ASCII form, whichever way it is spelled, and keeps the spelling', () => {
    const unicode = Email.parse('x@bücher.example');
    const ascii = Email.parse('x@xn--bcher-kva.example');
    expect(unicode.normalized).toBe('x@xn--bcher-kva.example');
    expect(ascii.normalized).toBe('x@xn--bcher-kva.example');
    expect(unicode.equals(ascii)).toBe(true);
    expect(Email.parse('X@BÜCHER.Example').equals(unicode)).toBe(true);
    expect(Email.parse('x@bu\u0308cher.example').equals(unicode)).toBe(true);
    expect(unicode.value).toBe('x@bücher.example');
    expect(ascii.value).toBe('x@xn--bcher-kva.example');
    expect(unicode.domain).toBe('xn--bcher-kva.example');
    expect(Email.normalize(' X@Bücher.Example ')).toBe('x@xn--bcher-kva.example');
  });

  it('keeps the local part in Unicode: only the domain has an ASCII form', () => {
    expect(Email.parse('Müller@bücher.de').normalized).toBe('müller@xn--bcher-kva.de');
  });

  it('folds dots at a listed internationalised domain however either is spelled', () => {
    const folding = new AddressFolding({ plusTags: false, dotInsensitiveDomains: ['Bücher.example'] });
    expect(Email.parse('a.b@xn--bcher-kva.example', folding).normalized).toBe('ab@xn--bcher-kva.example');
    expect(Email.parse('a.b@BÜCHER.example', folding).normalized).toBe('ab@xn--bcher-kva.example');
  });

  it('refuses a domain whose label is too long once written in ASCII', () => {
    expect(() => Email.parse(`x@${'ü'.repeat(60)}.example`)).toThrow('not a valid domain');
    expect(Email.parse(`x@${'ü'.repeat(20)}.example`).domain).toMatch(/^xn--/);
  });

  it('accepts plus tags, internationalised addresses and long but legal addresses', () => {
    expect(Email.parse('alice+news@example.co.uk').value).toBe('alice+news@example.co.uk');
    expect(Email.parse('müller@bücher.de').value).toBe('müller@bücher.de');
    expect(Email.parse(`${'a'.repeat(64)}@example.com`).localPart).toHaveLength(64);
  });

  it('refuses a local part over 64 characters and an address over 254', () => {
    expect(() => Email.parse(`${'a'.repeat(65)}@example.com`)).toThrow('at most 64');
    expect(() => Email.parse(`a@${'b'.repeat(250)}.com`)).toThrow('at most 254');
  });

  it('masks an address for display', () => {
    expect(Email.parse('alice@example.com').masked()).toBe('al***@example.com');
    expect(Email.parse('a@example.com').masked()).toBe('a***@example.com');
  });

  it.each(['x@b\u3164cher.example', 'x\u115f@example.com', 'x@exa\u200bmple.com', 'a\uffa0@example.com'])(
    'refuses the address %j, whose invisible character would make it another account that looks the same',
    (raw) => {
      expect(() => Email.parse(raw)).toThrow(InvalidInput);
    },
  );
});
