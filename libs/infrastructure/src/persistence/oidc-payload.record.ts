import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One stored model of the OpenID provider (a session, an interaction, a grant, a code, a token), as it gave it. */
@Entity({ name: 'oidc_payloads' })
@Index('oidc_payloads_expires_at', ['expiresAt'])
export class OidcPayloadRecord {
  /** oidc-provider's model name: Session, Interaction, Grant, AuthorizationCode, AccessToken, RefreshToken, ... */
  @PrimaryColumn('text')
  model!: string;

  @PrimaryColumn('text')
  id!: string;

  @Column('jsonb')
  payload!: Record<string, unknown>;

  /** Every token of a grant goes when the grant is revoked. */
  @Column('text', { name: 'grant_id', nullable: true })
  grantId!: string | null;

  @Column('text', { name: 'user_code', nullable: true })
  userCode!: string | null;

  /** A session's uid, which its cookie does not carry. */
  @Column('text', { nullable: true })
  uid!: string | null;

  /** Null: kept until destroyed. A row past it is not found, and the purge removes it. */
  @Column('timestamptz', { name: 'expires_at', nullable: true })
  expiresAt!: Date | null;

  /** Set once a code or a rotated refresh token has been used: the provider refuses it the second time. */
  @Column('timestamptz', { name: 'consumed_at', nullable: true })
  consumedAt!: Date | null;
}

/** What UPSERT_PAYLOAD needs, by name. */
export interface UpsertPayloadValues {
  model: string;
  id: string;
  payload: Record<string, unknown>;
  grantId: string | null;
  userCode: string | null;
  uid: string | null;
  /** Seconds from now (the database's clock, shared by every instance); null: no expiry. */
  expiresInSeconds: number | null;
}

export const UPSERT_PAYLOAD = `
  INSERT INTO oidc_payloads (model, id, payload, grant_id, user_code, uid, expires_at)
  VALUES ($1, $2, $3::jsonb, $4, $5, $6, CASE WHEN $7::double precision IS NULL THEN NULL
    ELSE now() + make_interval(secs => $7::double precision) END)
  ON CONFLICT (model, id) DO UPDATE SET
    payload = EXCLUDED.payload, grant_id = EXCLUDED.grant_id, user_code = EXCLUDED.user_code,
    uid = EXCLUDED.uid, expires_at = EXCLUDED.expires_at`;

export function upsertPayloadParameters(values: UpsertPayloadValues): unknown[] {
  return [
    values.model,
    values.id,
    JSON.stringify(values.payload),
    values.grantId,
    values.userCode,
    values.uid,
    values.expiresInSeconds,
  ];
}

const LIVE = `(expires_at IS NULL OR expires_at > now())`;

/** The columns a lookup returns, under the record's property names. */
const FOUND = `payload, consumed_at AS "consumedAt"`;

export const FIND_PAYLOAD = `SELECT ${FOUND} FROM oidc_payloads WHERE model = $1 AND id = $2 AND ${LIVE}`;
export const FIND_PAYLOAD_BY_UID = `SELECT ${FOUND} FROM oidc_payloads WHERE model = $1 AND uid = $2 AND ${LIVE} LIMIT 1`;
export const FIND_PAYLOAD_BY_USER_CODE = `SELECT ${FOUND} FROM oidc_payloads WHERE model = $1 AND user_code = $2 AND ${LIVE} LIMIT 1`;
export const CONSUME_PAYLOAD = `UPDATE oidc_payloads SET consumed_at = now() WHERE model = $1 AND id = $2 AND consumed_at IS NULL`;
export const DESTROY_PAYLOAD = `DELETE FROM oidc_payloads WHERE model = $1 AND id = $2`;
/** Every model of the grant, as oidc-provider's own memory adapter does. */
export const REVOKE_GRANT = `DELETE FROM oidc_payloads WHERE grant_id = $1`;
/**
 * Everything the provider holds for one account ($1): its sessions, grants, codes, access and refresh tokens all
 * carry `accountId` (index oidc_payloads_account_id). Interactions in progress keep theirs nested and expire.
 */
export const END_ACCOUNT_PAYLOADS = `DELETE FROM oidc_payloads WHERE payload->>'accountId' = $1`;
/** At most $1 expired rows per statement, so a purge never holds many locks at once. */
export const DELETE_EXPIRED_PAYLOADS = `
  DELETE FROM oidc_payloads WHERE ctid IN (
    SELECT ctid FROM oidc_payloads WHERE expires_at <= now() LIMIT $1
  )`;

export type FoundPayloadRow = Pick<OidcPayloadRecord, 'payload' | 'consumedAt'>;
