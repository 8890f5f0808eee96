import { AddressFolding } from './address-folding';
import { Email } from './email.value-object';

describe('AddressFolding', () => {
  const plusTags = new AddressFolding({ plusTags: true, dotInsensitiveDomains: [] });
  const gmailDots = new AddressFolding({ plusTags: false, dotInsensitiveDomains: ['gmail.com', 'GoogleMail.com'] });
  const both = new AddressFolding({ plusTags: true, dotInsensitiveDomains: ['gmail.com'] });

  it('folds nothing unless configured', () => {
    expect(Email.parse('A.Lice+News@Gmail.com').normalized).toBe('a.lice+news@gmail.com');
    expect(AddressFolding.none.fold('a.lice+news@gmail.com')).toBe('a.lice+news@gmail.com');
  });

  it.each([
    ['alice+news@example.com', 'alice@example.com'],
    ['alice+news+more@example.com', 'alice@example.com'],
    ['alice+@example.com', 'alice@example.com'],
    ['+alice@example.com', '+alice@example.com'],
    ['a.lice@gmail.com', 'a.lice@gmail.com'],
  ])('with plus tags folded, %j is %j', (address, key) => {
    expect(Email.parse(address, plusTags).normalized).toBe(key);
  });

  it.each([
    ['A.Lice@Gmail.com', 'alice@gmail.com'],
    ['a.l.i.c.e@googlemail.com', 'alice@googlemail.com'],
    ['a.lice@example.com', 'a.lice@example.com'],
    ['a.lice+x@gmail.com', 'alice+x@gmail.com'],
  ])('with dots folded for the listed domains, %j is %j', (address, key) => {
    expect(Email.parse(address, gmailDots).normalized).toBe(key);
  });

  it('folds tags and dots together, and keeps the address as typed for sending', () => {
    const email = Email.parse(' A.Lice+Shop@gmail.com ', both);
    expect(email.normalized).toBe('alice@gmail.com');
    expect(email.value).toBe('A.Lice+Shop@gmail.com');
  });
});
