import { DisposableDomains } from '@gatehouse/domain/ports/disposable-domains.port';
import { asciiDomain } from '@gatehouse/domain/users/ascii-domain';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The disposable-email-domains package's list (about 120,000 domains, shipped, no network), or a file of one
 * domain per line that replaces it (DISPOSABLE_DOMAINS_FILE), minus the domains a deployment allows.
 */
export class ListedDisposableDomains extends DisposableDomains {
  private readonly domains: Set<string>;

  constructor(options: { file?: string; allow?: readonly string[] } = {}) {
    super();
    const listed = options.file
      ? readLines(options.file)
      : (createRequire(__filename)('disposable-email-domains') as string[]);
    // In the ASCII form an address's domain is compared in (the list has `gmaıl.net`, addresses `xn--gmal-nza.net`).
    const allowed = new Set((options.allow ?? []).map(key));
    this.domains = new Set(listed.map(key).filter((domain) => !allowed.has(domain)));
  }

  includes(domain: string): boolean {
    const labels = key(domain).split('.');
    for (let i = 0; i < labels.length - 1; i += 1) {
      if (this.domains.has(labels.slice(i).join('.'))) return true;
    }
    return false;
  }
}

function key(domain: string): string {
  return asciiDomain(domain.normalize('NFC'));
}

function readLines(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
}
