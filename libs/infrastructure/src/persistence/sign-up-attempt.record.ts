import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'sign_up_attempts' })
export class SignUpAttemptRecord {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'user_id' })
  userId!: string;

  @Column('text', { name: 'password_hash' })
  passwordHash!: string;

  @Column('text', { name: 'browser_digest', nullable: true })
  browserDigest!: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}
