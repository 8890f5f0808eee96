import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What staff did. Append-only: triggers refuse UPDATE, DELETE and TRUNCATE. No foreign keys, so an entry
 * outlives the staff member and the user it is about.
 */
@Entity({ name: 'audit_log' })
export class AuditLogRecord {
  @PrimaryColumn('uuid')
  id!: string;

  /** Null when nobody known acted: the command line, the first-start bootstrap, a failed sign-in. */
  @Column('uuid', { name: 'staff_id', nullable: true })
  staffId!: string | null;

  @Column('text', { name: 'staff_email' })
  staffEmail!: string;

  @Column('text')
  action!: string;

  @Column('text', { name: 'target_type' })
  targetType!: string;

  @Column('text', { name: 'target_id', nullable: true })
  targetId!: string | null;

  @Column('text', { nullable: true })
  reason!: string | null;

  /** What changed, as a JSON object (DEFAULT '{}' in the table; always written). */
  @Column('jsonb')
  changes!: object;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}
