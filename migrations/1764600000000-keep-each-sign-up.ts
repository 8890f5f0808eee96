import type { MigrationInterface, QueryRunner } from 'typeorm';

export class KeepEachSignUp1764600000000 implements MigrationInterface {
  name = 'KeepEachSignUp1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Every sign-up of a pending account keeps its own password until someone confirms: a later sign-up by a
    // stranger no longer replaces the owner's.
    await queryRunner.query(`
      CREATE TABLE sign_up_attempts (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        password_hash text NOT NULL,
        browser_digest text,
        created_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX sign_up_attempts_by_user ON sign_up_attempts (user_id, created_at DESC)`);
    // The accounts pending now were signed up once as far as anyone can tell: their password is that sign-up's.
    await queryRunner.query(`
      INSERT INTO sign_up_attempts (id, user_id, password_hash, browser_digest, created_at)
      SELECT gen_random_uuid(), id, password_hash, NULL, updated_at FROM users WHERE status = 'pending'`);
    // Code attempts are counted per address, with an account or without, instead of per token.
    await queryRunner.query(`
      CREATE TABLE confirmation_code_attempts (
        email_normalized text PRIMARY KEY,
        attempts integer NOT NULL,
        window_started_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`ALTER TABLE confirmation_tokens DROP COLUMN failed_code_attempts`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE confirmation_tokens ADD COLUMN failed_code_attempts integer NOT NULL DEFAULT 0`,
    );
    await queryRunner.query(`DROP TABLE confirmation_code_attempts`);
    await queryRunner.query(`DROP TABLE sign_up_attempts`);
  }
}
