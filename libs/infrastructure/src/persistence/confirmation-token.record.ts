import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'confirmation_tokens' })
export class ConfirmationTokenRecord {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'user_id' })
  userId!: string;

  @Column('text', { name: 'email_normalized' })
  emailNormalized!: string;

  @Column('text')
  purpose!: string;

  @Column('text')
  digest!: string;

  @Column('timestamptz', { name: 'issued_at' })
  issuedAt!: Date;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt!: Date;

  @Column('timestamptz', { name: 'used_at', nullable: true })
  usedAt!: Date | null;

  @Column('timestamptz', { name: 'superseded_at', nullable: true })
  supersededAt!: Date | null;

  @Column('text', { name: 'code_digest', nullable: true })
  codeDigest!: string | null;
}
