import { Email } from '../users/email.value-object';
import { User, type UserProps } from '../users/user.entity';

let sequence = 0;

/** A user as a test wants it, with sensible defaults for everything else. */
export function aUser(overrides: Partial<Omit<UserProps, 'email'>> & { email?: string } = {}): User {
  sequence += 1;
  const now = new Date('2026-01-01T00:00:00Z');
  const { email, ...rest } = overrides;
  const status = rest.status ?? 'pending';
  return User.restore({
    id: `10000000-0000-4000-8000-${sequence.toString().padStart(12, '0')}`,
    email: Email.parse(email ?? `person${sequence}@example.com`),
    passwordHash: 'hashed:original-password',
    status,
    locale: 'en',
    createdAt: now,
    confirmedAt: status === 'active' ? now : null,
    updatedAt: now,
    ...rest,
  });
}
