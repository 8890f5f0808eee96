import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A key the OpenID provider signs ID tokens with: its private JWK, encrypted under APP_SECRET. */
@Entity({ name: 'oidc_signing_keys' })
export class OidcSigningKeyRecord {
  @PrimaryColumn('text')
  kid!: string;

  /** AES-256-GCM of the private JWK (SigningKeyCipher). */
  @Column('bytea', { name: 'private_jwk' })
  privateJwk!: Buffer;

  /** The newest signs; older ones only verify. */
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  /** Set when a newer key replaced it: published until then, so tokens it signed still verify. */
  @Column('timestamptz', { name: 'retire_at', nullable: true })
  retireAt!: Date | null;
}

/** The keys still published, newest first, under the record's property names. */
export const LIVE_SIGNING_KEYS = `
  SELECT kid, private_jwk AS "privateJwk" FROM oidc_signing_keys
  WHERE retire_at IS NULL OR retire_at > now()
  ORDER BY created_at DESC, kid DESC`;

export const ADD_SIGNING_KEY = `INSERT INTO oidc_signing_keys (kid, private_jwk, created_at) VALUES ($1, $2, clock_timestamp())`;

/** Every key but the new one ($1) stops being published $2 seconds from now, unless it already stops sooner. */
export const RETIRE_OLDER_SIGNING_KEYS = `
  UPDATE oidc_signing_keys SET retire_at = now() + make_interval(secs => $2::double precision)
  WHERE kid <> $1 AND retire_at IS NULL`;

/** First starts of several instances take turns, so only one generates the first key. */
export const LOCK_SIGNING_KEYS = `SELECT pg_advisory_xact_lock(7351822012)`;

export type LiveSigningKeyRow = Pick<OidcSigningKeyRecord, 'kid' | 'privateJwk'>;
