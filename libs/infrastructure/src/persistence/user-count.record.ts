import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The number of users in each status, kept by triggers on users (migration CountUsersByStatus1764504000000),
 * never written by Gatehouse's code. Each status is spread over 16 slots; a slot may go negative, the sum per
 * status is right.
 */
@Entity({ name: 'user_counts' })
export class UserCountRecord {
  @PrimaryColumn('text')
  status!: string;

  @PrimaryColumn('smallint')
  slot!: number;

  /** bigint: the driver hands it over as a string. */
  @Column('bigint')
  users!: string;
}
