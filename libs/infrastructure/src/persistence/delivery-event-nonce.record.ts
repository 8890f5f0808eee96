import { Column, Entity, PrimaryColumn } from 'typeorm';
import { namedStatement } from './named-parameters';

/** A signed webhook's single-use value (Mailgun's token), kept while its signature could still be accepted. */
@Entity({ name: 'delivery_event_nonces' })
export class DeliveryEventNonceRecord {
  @PrimaryColumn('text')
  provider!: string;

  @PrimaryColumn('text')
  nonce!: string;

  @Column('timestamptz', { name: 'seen_at' })
  seenAt!: Date;
}

/** Takes a nonce; returns a row only the first time (a reused one returns none). Old ones are cleared first. */
export const TAKE_NONCE = namedStatement<'provider' | 'nonce' | 'seenAt' | 'forgetBefore'>(
  `WITH forgotten AS (DELETE FROM delivery_event_nonces WHERE provider = :provider AND seen_at < :forgetBefore)
   INSERT INTO delivery_event_nonces (provider, nonce, seen_at) VALUES (:provider, :nonce, :seenAt)
   ON CONFLICT DO NOTHING RETURNING nonce`,
);
