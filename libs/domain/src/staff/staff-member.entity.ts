import type { Email } from '../users/email.value-object';
import type { StaffRole } from './staff-role';

export interface StaffMemberProps {
  id: string;
  email: Email;
  passwordHash: string;
  role: StaffRole;
  disabled: boolean;
  createdAt: Date;
  updatedAt: Date;
  lastSignInAt: Date | null;
}

/** An admin or a support member: the people who run Gatehouse, kept apart from the people who sign up. */
export class StaffMember {
  private constructor(private props: StaffMemberProps) {}

  static create(input: { id: string; email: Email; passwordHash: string; role: StaffRole; now: Date }): StaffMember {
    return new StaffMember({
      id: input.id,
      email: input.email,
      passwordHash: input.passwordHash,
      role: input.role,
      disabled: false,
      createdAt: input.now,
      updatedAt: input.now,
      lastSignInAt: null,
    });
  }

  static restore(props: StaffMemberProps): StaffMember {
    return new StaffMember({ ...props });
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
  get role(): StaffRole {
    return this.props.role;
  }
  get disabled(): boolean {
    return this.props.disabled;
  }
  get lastSignInAt(): Date | null {
    return this.props.lastSignInAt;
  }
  get isActiveAdmin(): boolean {
    return this.props.role === 'admin' && !this.props.disabled;
  }

  signedIn(now: Date): void {
    this.props = { ...this.props, lastSignInAt: now };
  }

  changeRole(role: StaffRole, now: Date): void {
    this.props = { ...this.props, role, updatedAt: now };
  }

  setDisabled(disabled: boolean, now: Date): void {
    this.props = { ...this.props, disabled, updatedAt: now };
  }

  snapshot(): Readonly<StaffMemberProps> {
    return { ...this.props };
  }
}
