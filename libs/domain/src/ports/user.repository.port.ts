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
  /** Up to `limit` accounts pending whose latest sign-up came before `cutoff`, held for this transaction; others skip them. */
  abstract findStalePendingForUpdate(cutoff: Date, limit: number): Promise<User[]>;
  /** Removes the account and everything stored about it (tokens, its emails). */
  abstract delete(userId: string): Promise<void>;
}
