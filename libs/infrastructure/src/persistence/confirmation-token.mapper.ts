import { ConfirmationToken, EMAIL_CONFIRMATION } from '@gatehouse/domain/confirmation/confirmation-token';
import { ConfirmationTokenRecord } from './confirmation-token.record';

export function tokenToDomain(record: ConfirmationTokenRecord): ConfirmationToken {
  if (record.purpose !== EMAIL_CONFIRMATION) throw new Error(`Token ${record.id} has an unknown purpose.`);
  return ConfirmationToken.restore({
    id: record.id,
    userId: record.userId,
    email: record.emailNormalized,
    purpose: record.purpose,
    digest: record.digest,
    issuedAt: record.issuedAt,
    expiresAt: record.expiresAt,
    usedAt: record.usedAt,
    supersededAt: record.supersededAt,
    codeDigest: record.codeDigest,
  });
}

export function tokenToRecord(token: ConfirmationToken): ConfirmationTokenRecord {
  const record = new ConfirmationTokenRecord();
  record.id = token.id;
  record.userId = token.userId;
  record.emailNormalized = token.email;
  record.purpose = token.purpose;
  record.digest = token.digest;
  record.issuedAt = token.issuedAt;
  record.expiresAt = token.expiresAt;
  record.usedAt = token.usedAt;
  record.supersededAt = token.supersededAt;
  record.codeDigest = token.codeDigest;
  return record;
}
