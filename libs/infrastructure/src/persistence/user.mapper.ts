import { Email } from '@gatehouse/domain/users/email.value-object';
import { User } from '@gatehouse/domain/users/user.entity';
import { USER_STATUSES, type UserStatus } from '@gatehouse/domain/users/user-status';
import { UserRecord } from './user.record';

export function userToDomain(record: UserRecord): User {
  if (!USER_STATUSES.includes(record.status as UserStatus)) {
    throw new Error(`users.status holds an unknown value for user ${record.id}`);
  }
  return User.restore({
    id: record.id,
    email: Email.fromStored(record.email, record.emailNormalized),
    passwordHash: record.passwordHash,
    status: record.status as UserStatus,
    locale: record.locale,
    createdAt: record.createdAt,
    confirmedAt: record.confirmedAt,
    updatedAt: record.updatedAt,
  });
}

export function userToRecord(user: User): UserRecord {
  const props = user.snapshot();
  const record = new UserRecord();
  record.id = props.id;
  record.email = props.email.value;
  record.emailNormalized = props.email.normalized;
  record.passwordHash = props.passwordHash;
  record.status = props.status;
  record.locale = props.locale;
  record.createdAt = props.createdAt;
  record.confirmedAt = props.confirmedAt;
  record.updatedAt = props.updatedAt;
  return record;
}
