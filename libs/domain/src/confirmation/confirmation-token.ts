import { TokenExpired, TokenInvalid } from './confirmation.errors';

export const EMAIL_CONFIRMATION = 'email_confirmation';
export type TokenPurpose = typeof EMAIL_CONFIRMATION;

export interface ConfirmationTokenProps {
  id: string;
  userId: string;
  /** The normalized address the link was sent to; the token confirms that address only. */
  email: string;
  purpose: TokenPurpose;
  digest: string;
  issuedAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
  supersededAt: Date | null;
  /** Digest of the short code sent with the link, bound to this token; null for tokens issued without one. */
  codeDigest: string | null;
}

export type TokenState = 'usable' | 'used' | 'superseded' | 'expired';

/**
 * The stored half of a confirmation link: a digest of the secret, bound to one user and one address,
 * usable once, until it expires or a newer token replaces it.
 */
export class ConfirmationToken {
  private constructor(private props: ConfirmationTokenProps) {}

  static issue(input: {
    id: string;
    userId: string;
    email: string;
    digest: string;
    codeDigest?: string;
    now: Date;
    ttlMs: number;
  }): ConfirmationToken {
    return new ConfirmationToken({
      id: input.id,
      userId: input.userId,
      email: input.email,
      purpose: EMAIL_CONFIRMATION,
      digest: input.digest,
      issuedAt: input.now,
      expiresAt: new Date(input.now.getTime() + input.ttlMs),
      usedAt: null,
      supersededAt: null,
      codeDigest: input.codeDigest ?? null,
    });
  }

  static restore(props: ConfirmationTokenProps): ConfirmationToken {
    return new ConfirmationToken({ ...props });
  }

  get id(): string {
    return this.props.id;
  }
  get userId(): string {
    return this.props.userId;
  }
  get email(): string {
    return this.props.email;
  }
  get purpose(): TokenPurpose {
    return this.props.purpose;
  }
  get digest(): string {
    return this.props.digest;
  }
  get issuedAt(): Date {
    return this.props.issuedAt;
  }
  get expiresAt(): Date {
    return this.props.expiresAt;
  }
  get usedAt(): Date | null {
    return this.props.usedAt;
  }
  get supersededAt(): Date | null {
    return this.props.supersededAt;
  }
  get codeDigest(): string | null {
    return this.props.codeDigest;
  }

  state(now: Date): TokenState {
    if (this.props.usedAt) return 'used';
    if (this.props.supersededAt) return 'superseded';
    if (now.getTime() >= this.props.expiresAt.getTime()) return 'expired';
    return 'usable';
  }

  /** Throws the reason a link cannot confirm this address now. */
  assertUsableFor(address: string, now: Date): void {
    const state = this.state(now);
    if (state === 'expired') throw new TokenExpired();
    if (state !== 'usable' || this.props.purpose !== EMAIL_CONFIRMATION || this.props.email !== address) {
      throw new TokenInvalid();
    }
  }

  snapshot(): Readonly<ConfirmationTokenProps> {
    return { ...this.props };
  }

  /** Spends the token on confirming `address`: once, while it is usable, or it throws why not. */
  use(address: string, now: Date): void {
    this.assertUsableFor(address, now);
    this.props = { ...this.props, usedAt: now };
  }
}
