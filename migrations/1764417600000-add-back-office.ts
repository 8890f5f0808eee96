import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddBackOffice1764417600000 implements MigrationInterface {
  name = 'AddBackOffice1764417600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Address-substring search in the back office: a trigram index answers `LIKE '%part%'`. Without a pending
    // list (fastupdate off) new sign-ups are searchable through the index at once, not only after a vacuum.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(
      `CREATE INDEX users_email_trgm_idx ON users USING gin (lower(email) gin_trgm_ops) WITH (fastupdate = off)`,
    );
    await queryRunner.query(`CREATE INDEX users_status_created_at_idx ON users (status, created_at, id)`);

    await queryRunner.query(`
      CREATE TABLE staff_members (
        id uuid PRIMARY KEY,
        email text NOT NULL,
        email_normalized text NOT NULL,
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'support')),
        disabled boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        last_sign_in_at timestamptz
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX staff_members_email_normalized_key ON staff_members (email_normalized)`,
    );

    // Only a digest of the cookie's secret is stored, like confirmation tokens.
    await queryRunner.query(`
      CREATE TABLE staff_sessions (
        id uuid PRIMARY KEY,
        staff_id uuid NOT NULL REFERENCES staff_members (id) ON DELETE CASCADE,
        token_digest text NOT NULL,
        created_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        ip text,
        user_agent text
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX staff_sessions_token_digest_key ON staff_sessions (token_digest)`);
    await queryRunner.query(
      `CREATE INDEX staff_sessions_staff_idx ON staff_sessions (staff_id) WHERE revoked_at IS NULL`,
    );

    // Failed sign-ins per address (known or not, so the lockout itself reveals nothing).
    await queryRunner.query(`
      CREATE TABLE staff_sign_in_failures (
        email_normalized text PRIMARY KEY,
        failures integer NOT NULL,
        window_started_at timestamptz NOT NULL,
        locked_until timestamptz
      )`);

    await queryRunner.query(`
      CREATE TABLE staff_setup_tokens (
        digest text PRIMARY KEY,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);

    // What staff did. No foreign keys: an entry outlives the user it is about (deleting a person keeps the
    // record that someone deleted them, without their data).
    await queryRunner.query(`
      CREATE TABLE audit_log (
        id uuid PRIMARY KEY,
        staff_id uuid,
        staff_email text NOT NULL,
        action text NOT NULL,
        target_type text NOT NULL,
        target_id text,
        reason text,
        changes jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX audit_log_created_at_idx ON audit_log (created_at, id)`);
    await queryRunner.query(`CREATE INDEX audit_log_target_idx ON audit_log (target_type, target_id, created_at)`);
    await queryRunner.query(`CREATE INDEX audit_log_staff_idx ON audit_log (staff_id, created_at)`);
    await queryRunner.query(`CREATE INDEX audit_log_action_idx ON audit_log (action, created_at)`);
    // Append-only, enforced by the database rather than by convention.
    await queryRunner.query(`
      CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only()`);
    await queryRunner.query(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit_log`);
    await queryRunner.query(`DROP FUNCTION audit_log_is_append_only()`);
    await queryRunner.query(`DROP TABLE staff_setup_tokens`);
    await queryRunner.query(`DROP TABLE staff_sign_in_failures`);
    await queryRunner.query(`DROP TABLE staff_sessions`);
    await queryRunner.query(`DROP TABLE staff_members`);
    await queryRunner.query(`DROP INDEX users_status_created_at_idx`);
    await queryRunner.query(`DROP INDEX users_email_trgm_idx`);
  }
}
