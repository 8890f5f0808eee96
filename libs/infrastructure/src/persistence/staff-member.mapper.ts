import { StaffMember } from '@gatehouse/domain/staff/staff-member.entity';
import { STAFF_ROLES, type StaffRole } from '@gatehouse/domain/staff/staff-role';
import { Email } from '@gatehouse/domain/users/email.value-object';
import { StaffMemberRecord } from './staff-member.record';

export function staffMemberToDomain(record: StaffMemberRecord): StaffMember {
  if (!STAFF_ROLES.includes(record.role as StaffRole)) {
    throw new Error(`staff_members.role holds an unknown value for staff member ${record.id}`);
  }
  return StaffMember.restore({
    id: record.id,
    email: Email.fromStored(record.email, record.emailNormalized),
    passwordHash: record.passwordHash,
    role: record.role as StaffRole,
    disabled: record.disabled,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    lastSignInAt: record.lastSignInAt,
  });
}

export function staffMemberToRecord(member: StaffMember): StaffMemberRecord {
  const props = member.snapshot();
  const record = new StaffMemberRecord();
  record.id = props.id;
  record.email = props.email.value;
  record.emailNormalized = props.email.normalized;
  record.passwordHash = props.passwordHash;
  record.role = props.role;
  record.disabled = props.disabled;
  record.createdAt = props.createdAt;
  record.updatedAt = props.updatedAt;
  record.lastSignInAt = props.lastSignInAt;
  return record;
}
