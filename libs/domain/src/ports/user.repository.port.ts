import type { Email } from '../users/email.value-object';
import type { User } from '../users/user.entity';

export abstract class UserRepository {
  /** Adds a new user unless the address is already taken; says whether it did. Never throws on a duplicate. */
  abstract addIfAddressFree(user: User): Promise<boolean>;
  /** Finds the user with this address and holds it until the transaction ends, so concurrent requests queue. */
  abstract findByEmailForUpdate(email: Email): Promise<User | null>;
  abstract findById(id: string): Promise<User | null>;
  abstract findByIdForUpdate(id: string): Promise<User | null>;
  abstract save(user: User): Promise<void>;
}
