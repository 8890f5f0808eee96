import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the OpenID provider keeps: every model of oidc-provider (sessions, interactions, grants, codes, tokens) in
 * one table keyed by model and id, with the columns it looks rows up by; and its signing keys, encrypted.
 */
export class AddOidcProviderStorage1764772800000 implements MigrationInterface {
  name = 'AddOidcProviderStorage1764772800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE oidc_payloads (
        model text NOT NULL,
        id text NOT NULL,
        payload jsonb NOT NULL,
        grant_id text,
        user_code text,
        uid text,
        expires_at timestamptz,
        consumed_at timestamptz,
        PRIMARY KEY (model, id)
      )`);
    await queryRunner.query(
      `CREATE INDEX oidc_payloads_grant_id ON oidc_payloads (grant_id) WHERE grant_id IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX oidc_payloads_uid ON oidc_payloads (model, uid) WHERE uid IS NOT NULL`);
    await queryRunner.query(
      `CREATE INDEX oidc_payloads_user_code ON oidc_payloads (model, user_code) WHERE user_code IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX oidc_payloads_expires_at ON oidc_payloads (expires_at)`);
    await queryRunner.query(`
      CREATE TABLE oidc_signing_keys (
        kid text PRIMARY KEY,
        private_jwk bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        retire_at timestamptz
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE oidc_signing_keys`);
    await queryRunner.query(`DROP TABLE oidc_payloads`);
  }
}
