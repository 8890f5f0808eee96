import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A one-time link to set up the first admin; only its digest is stored. */
@Entity({ name: 'staff_setup_tokens' })
export class StaffSetupTokenRecord {
  @PrimaryColumn('text')
  digest!: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt!: Date;

  @Column('timestamptz', { name: 'used_at', nullable: true })
  usedAt!: Date | null;
}
