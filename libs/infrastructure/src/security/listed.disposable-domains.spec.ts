import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ListedDisposableDomains } from './listed.disposable-domains';

describe('ListedDisposableDomains', () => {
  it('knows the shipped list, subdomains included, and nothing ordinary', () => {
    const domains = new ListedDisposableDomains();
    expect(domains.includes('mailinator.com')).toBe(true);
    expect(domains.includes('eu.mailinator.com')).toBe(true);
    expect(domains.includes('gmail.com')).toBe(false);
    expect(domains.includes('example.com')).toBe(false);
  });

  it('knows a listed internationalised domain in the ASCII form addresses are compared in, and as typed', () => {
    const domains = new ListedDisposableDomains();
    expect(domains.includes('gmaıl.net')).toBe(true);
    expect(domains.includes('xn--gmal-nza.net')).toBe(true);
    expect(new ListedDisposableDomains({ allow: ['gmaıl.net'] }).includes('xn--gmal-nza.net')).toBe(false);
  });

  it('lets a deployment allow a listed domain, or replace the list with a file', async () => {
    expect(new ListedDisposableDomains({ allow: ['Mailinator.com'] }).includes('mailinator.com')).toBe(false);
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'gatehouse-domains-')), 'domains.txt');
    await writeFile(file, '# our own list\nthrowaway.test\n\n');
    const own = new ListedDisposableDomains({ file });
    expect(own.includes('throwaway.test')).toBe(true);
    expect(own.includes('mailinator.com')).toBe(false);
  });
});
