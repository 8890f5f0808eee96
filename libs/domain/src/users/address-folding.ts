import { asciiDomain } from './ascii-domain';

export interface AddressFoldingOptions {
  /** `alice+news@example.com` is `alice@example.com`. */
  plusTags: boolean;
  /** Domains whose mailboxes ignore dots in the local part (`a.l.ice@gmail.com` is `alice@gmail.com`). */
  dotInsensitiveDomains: readonly string[];
}

/**
 * Which spellings of an address count as one account. Off by default: folding is only right for mail
 * providers that deliver the variants to one mailbox, and then it stops one person from holding many
 * accounts through `+tags` or dots. It decides the uniqueness key only; email goes to the address as typed.
 */
export class AddressFolding {
  static readonly none = new AddressFolding({ plusTags: false, dotInsensitiveDomains: [] });

  private readonly dotInsensitive: ReadonlySet<string>;

  constructor(private readonly options: AddressFoldingOptions) {
    // In the form normalized addresses carry their domain, however the setting spells it.
    this.dotInsensitive = new Set(options.dotInsensitiveDomains.map((domain) => asciiDomain(domain.normalize('NFC'))));
  }

  /** Folds an address already normalized (`Email.normalize`: lowercased, NFC, its domain in ASCII). */
  fold(normalized: string): string {
    const at = normalized.lastIndexOf('@');
    if (at <= 0) return normalized;
    let local = normalized.slice(0, at);
    const domain = normalized.slice(at + 1);
    if (this.options.plusTags) {
      // A local part that starts with "+" has no tag, it is the name: keep it.
      const plus = local.indexOf('+');
      if (plus > 0) local = local.slice(0, plus);
    }
    if (this.dotInsensitive.has(domain)) local = local.replaceAll('.', '');
    return `${local}@${domain}`;
  }
}
