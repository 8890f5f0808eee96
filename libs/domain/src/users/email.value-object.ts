import { InvalidInput, type ProblemRule } from '../errors/invalid-input.error';
import { AddressFolding } from './address-folding';
import { asciiDomain } from './ascii-domain';

type Problem = { rule: ProblemRule; message: string; params?: Record<string, number> };

// RFC 5321 limits; the local part allows what real mailboxes use (dot-atom, Unicode per RFC 6531),
// the domain needs at least two labels so typos like "alice@example" are caught.
const MAX_ADDRESS_LENGTH = 254;
const MAX_LOCAL_LENGTH = 64;
const LOCAL_PART = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
const TOP_LEVEL_LABEL = /^(?:[\p{L}]{2,63}|xn--[a-z0-9-]{1,59})$/iu;
// What each label must be once in its ASCII form (a DNS host name's letters, digits and hyphens, 63 at most):
// a Unicode label can pass DOMAIN_LABEL and still map to something no domain can be.
const ASCII_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
// Characters that show nothing (Hangul fillers, zero-width joiners...): an address with one looks like another
// and would be another account; IDNA itself handles them differently from one Unicode version to the next.
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/u;

/**
 * An email address as the person typed it (trimmed, Unicode NFC), plus the form used to decide
 * whether two addresses are the same account: compared case-insensitively, the domain in its one IDNA form
 * (`bücher.example` and `xn--bcher-kva.example` are one domain), and folded when configured.
 */
export class Email {
  private constructor(
    /** The spelling the person typed, used for display and sending: an internationalised domain stays as typed. */
    readonly value: string,
    /**
     * The form compared for uniqueness, and by which the per-address email limits count: the local part
     * lowercased, the domain in ASCII (punycode, `xn--`) and lowercased, then folded.
     */
    readonly normalized: string,
  ) {}

  static parse(raw: string, folding: AddressFolding = AddressFolding.none): Email {
    const value = raw.trim().normalize('NFC');
    const problem = Email.problemWith(value);
    if (problem) throw InvalidInput.of('email', problem.rule, problem.message, problem.params);
    return new Email(value, folding.fold(Email.normalize(value)));
  }

  /**
   * Rebuilds an address that was valid when it was stored, with the key it was stored under: a change to
   * the folding settings later does not move existing accounts.
   */
  static fromStored(value: string, normalized: string): Email {
    return new Email(value, normalized);
  }

  static normalize(value: string): string {
    const address = value.trim().normalize('NFC');
    const at = address.lastIndexOf('@');
    if (at < 0) return address.toLowerCase();
    return `${address.slice(0, at).toLowerCase()}@${asciiDomain(address.slice(at + 1))}`;
  }

  equals(other: Email): boolean {
    return this.normalized === other.normalized;
  }

  get domain(): string {
    return this.normalized.slice(this.normalized.lastIndexOf('@') + 1);
  }

  get localPart(): string {
    return this.value.slice(0, this.value.lastIndexOf('@'));
  }

  /** "al***@example.com": enough for the owner to recognise, little for anyone looking over a shoulder. */
  masked(): string {
    const at = this.value.lastIndexOf('@');
    const local = [...this.value.slice(0, at)];
    const shown = local.length <= 2 ? local.slice(0, 1) : local.slice(0, 2);
    return `${shown.join('')}***${this.value.slice(at)}`;
  }

  toString(): string {
    return this.value;
  }

  private static problemWith(value: string): Problem | undefined {
    if (value.length === 0) return { rule: 'email.required', message: 'Enter your email address.' };
    if (value.length > MAX_ADDRESS_LENGTH) {
      return {
        rule: 'email.too_long',
        message: `An email address can be at most ${MAX_ADDRESS_LENGTH} characters long.`,
        params: { max: MAX_ADDRESS_LENGTH },
      };
    }
    const at = value.lastIndexOf('@');
    if (at <= 0 || at === value.length - 1) {
      return { rule: 'email.shape', message: 'Enter an email address like name@example.com.' };
    }
    const local = value.slice(0, at);
    const domain = value.slice(at + 1);
    if (local.length > MAX_LOCAL_LENGTH) {
      return {
        rule: 'email.local_too_long',
        message: `The part before @ can be at most ${MAX_LOCAL_LENGTH} characters long.`,
        params: { max: MAX_LOCAL_LENGTH },
      };
    }
    if (INVISIBLE.test(local)) {
      return {
        rule: 'email.local_characters',
        message: 'The part before @ contains characters an email address cannot have.',
      };
    }
    if (!LOCAL_PART.test(local)) {
      return {
        rule: 'email.local_characters',
        message: 'The part before @ contains characters an email address cannot have.',
      };
    }
    const labels = domain.split('.');
    if (labels.length < 2)
      return { rule: 'email.domain_missing', message: 'The part after @ needs a domain like example.com.' };
    if (
      INVISIBLE.test(domain) ||
      !labels.every((label) => DOMAIN_LABEL.test(label)) ||
      !TOP_LEVEL_LABEL.test(labels[labels.length - 1])
    ) {
      return { rule: 'email.domain_invalid', message: 'The part after @ is not a valid domain.' };
    }
    if (
      !asciiDomain(domain)
        .split('.')
        .every((label) => ASCII_LABEL.test(label))
    ) {
      return { rule: 'email.domain_invalid', message: 'The part after @ is not a valid domain.' };
    }
    return undefined;
  }
}
