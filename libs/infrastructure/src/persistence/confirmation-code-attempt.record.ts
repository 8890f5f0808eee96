import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'confirmation_code_attempts' })
export class ConfirmationCodeAttemptRecord {
  @PrimaryColumn('text', { name: 'email_normalized' })
  emailNormalized!: string;

  @Column('integer')
  attempts!: number;

  @Column('timestamptz', { name: 'window_started_at' })
  windowStartedAt!: Date;
}
