import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People's sign-in attempts per address (the lockout of the OpenID sign-in page), apart from staff's; and the
 * provider's records findable by account, so disabling or deleting an account ends its sessions and tokens.
 */
export class AddUserSignInThrottling1764950000000 implements MigrationInterface {
  name = 'AddUserSignInThrottling1764950000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE user_sign_in_failures (
        email_normalized text PRIMARY KEY,
        failures integer NOT NULL,
        window_started_at timestamptz NOT NULL,
        locked_until timestamptz
      )`);
    await queryRunner.query(
      `CREATE INDEX oidc_payloads_account_id ON oidc_payloads ((payload->>'accountId')) WHERE payload ? 'accountId'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX oidc_payloads_account_id`);
    await queryRunner.query(`DROP TABLE user_sign_in_failures`);
  }
}
