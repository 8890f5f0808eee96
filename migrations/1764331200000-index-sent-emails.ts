import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IndexSentEmails1764331200000 implements MigrationInterface {
  name = 'IndexSentEmails1764331200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Every claim counts the emails sent in the global cap's window (EMAIL_LIMIT_GLOBAL): only those rows,
    // not the whole history of the outbox.
    await queryRunner.query(
      `CREATE INDEX email_outbox_sent_emails_idx ON email_outbox (sent_at) WHERE channel = 'email' AND state = 'sent'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX email_outbox_sent_emails_idx`);
  }
}
