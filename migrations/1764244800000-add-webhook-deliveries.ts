import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddWebhookDeliveries1764244800000 implements MigrationInterface {
  name = 'AddWebhookDeliveries1764244800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Webhooks travel through the same outbox as emails: same claiming, retries and delivery history.
    await queryRunner.query(
      `ALTER TABLE email_outbox ADD COLUMN channel text NOT NULL DEFAULT 'email' CHECK (channel IN ('email', 'webhook'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE email_outbox DROP COLUMN channel`);
  }
}
