import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'staff_members' })
export class StaffMemberRecord {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  email!: string;

  /** Unique (staff_members_email_normalized_key): one member per address. */
  @Column('text', { name: 'email_normalized' })
  emailNormalized!: string;

  @Column('text', { name: 'password_hash' })
  passwordHash!: string;

  /** CHECK (role IN ('admin', 'support')) in the table. */
  @Column('text')
  role!: string;

  @Column('boolean')
  disabled!: boolean;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;

  @Column('timestamptz', { name: 'last_sign_in_at', nullable: true })
  lastSignInAt!: Date | null;
}
