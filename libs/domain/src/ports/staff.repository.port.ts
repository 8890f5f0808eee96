import type { StaffMember } from '../staff/staff-member.entity';
import type { Email } from '../users/email.value-object';

export abstract class StaffRepository {
  /** Adds the member unless the address is taken; says whether it did. */
  abstract addIfAddressFree(member: StaffMember): Promise<boolean>;
  abstract findByEmail(email: Email): Promise<StaffMember | null>;
  abstract findByIdForUpdate(id: string): Promise<StaffMember | null>;
  abstract save(member: StaffMember): Promise<void>;
  abstract count(): Promise<number>;
  /**
   * Active admins, held for the transaction (locked in id order) so two demotions cannot both pass the
   * last-admin check; take it before locking any one member, so concurrent changes lock in one order.
   */
  abstract countActiveAdminsForUpdate(): Promise<number>;
}
