import type { StaffSession } from '@gatehouse/domain/staff/staff-session';
import { StaffSessionRecord } from './staff-session.record';

export function staffSessionToDomain(record: StaffSessionRecord): StaffSession {
  return {
    id: record.id,
    staffId: record.staffId,
    digest: record.tokenDigest,
    createdAt: record.createdAt,
    lastSeenAt: record.lastSeenAt,
    expiresAt: record.expiresAt,
    revokedAt: record.revokedAt,
    ip: record.ip,
    userAgent: record.userAgent,
  };
}

export function staffSessionToRecord(session: StaffSession): StaffSessionRecord {
  const record = new StaffSessionRecord();
  record.id = session.id;
  record.staffId = session.staffId;
  record.tokenDigest = session.digest;
  record.createdAt = session.createdAt;
  record.lastSeenAt = session.lastSeenAt;
  record.expiresAt = session.expiresAt;
  record.revokedAt = session.revokedAt;
  record.ip = session.ip;
  record.userAgent = session.userAgent;
  return record;
}
