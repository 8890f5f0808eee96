import { DisposableDomains } from '@gatehouse/domain/ports/disposable-domains.port';
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
    const allowed = new Set((options.allow ?? []).map((domain) => domain.toLowerCase()));
    this.domains = new Set(listed.map((domain) => domain.toLowerCase()).filter((domain) => !allowed.has(domain)));
  }

  includes(domain: string): boolean {
    const labels = domain.toLowerCase().split('.');
    for (let i = 0; i < labels.length - 1; i += 1) {
      if (this.domains.has(labels.slice(i).join('.'))) return true;
    }
    return false;
  }
}

function readLines(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
}
