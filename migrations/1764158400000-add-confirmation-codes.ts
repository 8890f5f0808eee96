import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddConfirmationCodes1764158400000 implements MigrationInterface {
  name = 'AddConfirmationCodes1764158400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The short code that travels with each link, for people who cannot follow it: stored only as a digest.
    await queryRunner.query(`ALTER TABLE confirmation_tokens ADD COLUMN code_digest text`);
    await queryRunner.query(
      `ALTER TABLE confirmation_tokens ADD COLUMN failed_code_attempts integer NOT NULL DEFAULT 0`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE confirmation_tokens DROP COLUMN failed_code_attempts`);
    await queryRunner.query(`ALTER TABLE confirmation_tokens DROP COLUMN code_digest`);
  }
}
