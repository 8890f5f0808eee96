import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateRegistrationSchema1764072000000 implements MigrationInterface {
  name = 'CreateRegistrationSchema1764072000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY,
        email text NOT NULL,
        email_normalized text NOT NULL,
        password_hash text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'active', 'disabled')),
        locale text NOT NULL DEFAULT 'en',
        created_at timestamptz NOT NULL,
        confirmed_at timestamptz,
        updated_at timestamptz NOT NULL
      )`);
    // One account per address, compared case-insensitively (the domain lowercases into email_normalized).
    await queryRunner.query(`CREATE UNIQUE INDEX users_email_normalized_key ON users (email_normalized)`);
    await queryRunner.query(`CREATE INDEX users_created_at_idx ON users (created_at, id)`);

    await queryRunner.query(`
      CREATE TABLE confirmation_tokens (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        email_normalized text NOT NULL,
        purpose text NOT NULL CHECK (purpose IN ('email_confirmation')),
        digest text NOT NULL,
        issued_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        superseded_at timestamptz
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX confirmation_tokens_digest_key ON confirmation_tokens (digest)`);
    await queryRunner.query(
      `CREATE INDEX confirmation_tokens_outstanding_idx ON confirmation_tokens (user_id)
         WHERE used_at IS NULL AND superseded_at IS NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE email_outbox (
        id uuid PRIMARY KEY,
        user_id uuid REFERENCES users (id) ON DELETE CASCADE,
        template text NOT NULL,
        locale text NOT NULL,
        recipient text NOT NULL,
        recipient_normalized text NOT NULL,
        payload bytea,
        state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        last_error text,
        message_id text NOT NULL,
        smtp_response text,
        created_at timestamptz NOT NULL,
        sent_at timestamptz
      )`);
    // Workers look only at rows that are due: queued ones, and sending ones whose lease ran out.
    await queryRunner.query(
      `CREATE INDEX email_outbox_due_idx ON email_outbox (next_attempt_at) WHERE state IN ('queued', 'sending')`,
    );
    await queryRunner.query(
      `CREATE INDEX email_outbox_recipient_idx ON email_outbox (recipient_normalized, created_at DESC)`,
    );
    await queryRunner.query(`CREATE INDEX email_outbox_user_idx ON email_outbox (user_id, created_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE email_outbox`);
    await queryRunner.query(`DROP TABLE confirmation_tokens`);
    await queryRunner.query(`DROP TABLE users`);
  }
}
