import { Column, Entity, PrimaryColumn } from 'typeorm';

export const OUTBOX_STATES = ['queued', 'sending', 'sent', 'failed'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

@Entity({ name: 'email_outbox' })
export class EmailOutboxRecord {
  @PrimaryColumn('uuid')
  id!: string;

  /** email, or webhook: then `template` is the event type and `recipient` the URL. */
  @Column('text')
  channel!: 'email' | 'webhook';

  @Column('uuid', { name: 'user_id', nullable: true })
  userId!: string | null;

  @Column('text')
  template!: string;

  @Column('text')
  locale!: string;

  @Column('text')
  recipient!: string;

  @Column('text', { name: 'recipient_normalized' })
  recipientNormalized!: string;

  /** The template's data, encrypted: it holds the confirmation secret until the email has left. */
  @Column('bytea', { nullable: true })
  payload!: Buffer | null;

  @Column('text')
  state!: OutboxState;

  @Column('integer')
  attempts!: number;

  @Column('timestamptz', { name: 'next_attempt_at' })
  nextAttemptAt!: Date;

  @Column('text', { name: 'last_error', nullable: true })
  lastError!: string | null;

  @Column('text', { name: 'message_id' })
  messageId!: string;

  @Column('text', { name: 'smtp_response', nullable: true })
  smtpResponse!: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'sent_at', nullable: true })
  sentAt!: Date | null;
}
