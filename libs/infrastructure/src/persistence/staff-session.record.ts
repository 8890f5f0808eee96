import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A back-office session. Only a digest of the cookie's secret is stored, like confirmation tokens. */
@Entity({ name: 'staff_sessions' })
export class StaffSessionRecord {
  @PrimaryColumn('uuid')
  id!: string;

  /** REFERENCES staff_members (id) ON DELETE CASCADE. */
  @Column('uuid', { name: 'staff_id' })
  staffId!: string;

  /** Unique (staff_sessions_token_digest_key). */
  @Column('text', { name: 'token_digest' })
  tokenDigest!: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'last_seen_at' })
  lastSeenAt!: Date;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt!: Date;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;

  @Column('text', { nullable: true })
  ip!: string | null;

  @Column('text', { name: 'user_agent', nullable: true })
  userAgent!: string | null;
}
