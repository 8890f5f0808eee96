import type { Email } from './email.value-object';
import { UserDisabled, UserStateConflict } from './user.errors';
import type { UserStatus } from './user-status';

export interface UserProps {
  id: string;
  email: Email;
  passwordHash: string;
  status: UserStatus;
  locale: string;
  createdAt: Date;
  confirmedAt: Date | null;
  updatedAt: Date;
}

export type ConfirmOutcome = 'confirmed' | 'already_confirmed';

/**
 * A person who signed up. Starts `pending`, becomes `active` when the address is confirmed.
 * `disabled` is set by staff and nothing the person does (confirming included) lifts it.
 */
export class User {
  private constructor(private props: UserProps) {}

  static register(input: { id: string; email: Email; passwordHash: string; locale: string; now: Date }): User {
    return new User({
      id: input.id,
      email: input.email,
      passwordHash: input.passwordHash,
      status: 'pending',
      locale: input.locale,
      createdAt: input.now,
      confirmedAt: null,
      updatedAt: input.now,
    });
  }

  static restore(props: UserProps): User {
    return new User({ ...props });
  }

  get id(): string {
    return this.props.id;
  }
  get email(): Email {
    return this.props.email;
  }
  get passwordHash(): string {
    return this.props.passwordHash;
  }
  get status(): UserStatus {
    return this.props.status;
  }
  get locale(): string {
    return this.props.locale;
  }
  get createdAt(): Date {
    return this.props.createdAt;
  }
  get confirmedAt(): Date | null {
    return this.props.confirmedAt;
  }
  get updatedAt(): Date {
    return this.props.updatedAt;
  }

  get isPending(): boolean {
    return this.props.status === 'pending';
  }
  get isActive(): boolean {
    return this.props.status === 'active';
  }

  /**
   * Someone signed this pending address up again. Nothing about the account changes but its version: a
   * confirmation decided before this sign-up existed must not be applied (it chose among fewer rivals).
   */
  signedUpAgain(now: Date): void {
    if (!this.isPending) throw new Error(`Only a pending account takes another sign-up (user ${this.id}).`);
    this.props = { ...this.props, updatedAt: now };
  }

  /**
   * The mailbox owner confirmed the address. `passwordHash` is the password of the sign-up the confirmer showed
   * was theirs, when the address was signed up more than once while pending; it replaces the first one's.
   */
  confirm(now: Date, passwordHash?: string): ConfirmOutcome {
    if (this.props.status === 'disabled') throw new UserDisabled();
    if (this.props.status === 'active') return 'already_confirmed';
    this.props = {
      ...this.props,
      passwordHash: passwordHash ?? this.props.passwordHash,
      status: 'active',
      confirmedAt: now,
      updatedAt: now,
    };
    return 'confirmed';
  }

  /** Staff confirm the address by hand (the person confirmed it another way): only a pending account. */
  confirmByStaff(now: Date): void {
    this.assertAwaitingConfirmation('confirming it');
    this.confirm(now);
  }

  /** What staff may do only while the account waits for its confirmation (resend a link, confirm by hand). */
  assertAwaitingConfirmation(doing: string): void {
    if (this.props.status === 'disabled')
      throw new UserStateConflict(`This account is disabled: enable it before ${doing}.`);
    if (this.props.status === 'active') throw new UserStateConflict('This account is already confirmed.');
  }

  /** The password the person signed in with, hashed again with today's parameters; the password is the same. */
  passwordRehashed(passwordHash: string, now: Date): void {
    this.props = { ...this.props, passwordHash, updatedAt: now };
  }

  /** Staff switch the account off: nothing the person does brings it back. */
  disable(now: Date): void {
    if (this.props.status === 'disabled') throw new UserStateConflict('This account is already disabled.');
    this.props = { ...this.props, status: 'disabled', updatedAt: now };
  }

  /** Back to where it was before it was disabled: active if the address was ever confirmed, else pending. */
  enable(now: Date): void {
    if (this.props.status !== 'disabled') throw new UserStateConflict('Only a disabled account can be enabled.');
    this.props = { ...this.props, status: this.props.confirmedAt ? 'active' : 'pending', updatedAt: now };
  }

  snapshot(): Readonly<UserProps> {
    return { ...this.props };
  }
}
