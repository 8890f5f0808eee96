import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddDeliverability1764900000000 implements MigrationInterface {
  name = 'AddDeliverability1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // What providers (and bounce emails) report about an email after the relay took it: one row per event, a
    // provider's repeat of the same event refused by the unique key. An account's deletion takes them with it.
    await queryRunner.query(`
      CREATE TABLE delivery_events (
        id uuid PRIMARY KEY,
        provider text NOT NULL,
        provider_event_id text NOT NULL,
        outbox_id uuid NOT NULL REFERENCES email_outbox (id) ON DELETE CASCADE,
        address_key text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('delivered', 'deferred', 'bounced', 'complained')),
        bounce_type text CHECK (bounce_type IN ('hard', 'soft')),
        smtp_status text,
        diagnostic text,
        occurred_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL,
        CONSTRAINT delivery_events_once UNIQUE (provider, provider_event_id)
      )`);
    await queryRunner.query(`CREATE INDEX delivery_events_outbox_idx ON delivery_events (outbox_id)`);
    await queryRunner.query(
      `CREATE INDEX delivery_events_soft_bounces_idx ON delivery_events (address_key, occurred_at)
        WHERE kind = 'bounced' AND bounce_type = 'soft'`,
    );
    // Addresses (their unique key) no email goes to. Kept when an account goes: the mailbox still bounces.
    await queryRunner.query(`
      CREATE TABLE suppressions (
        address_key text PRIMARY KEY,
        cause text NOT NULL CHECK (cause IN ('hard_bounce', 'complaint', 'soft_bounces')),
        smtp_status text,
        diagnostic text,
        suppressed_at timestamptz NOT NULL,
        suppressed_until timestamptz
      )`);
    // Single-use values of signed webhooks (Mailgun's token), kept while their timestamp is fresh.
    await queryRunner.query(`
      CREATE TABLE delivery_event_nonces (
        provider text NOT NULL,
        nonce text NOT NULL,
        seen_at timestamptz NOT NULL,
        PRIMARY KEY (provider, nonce)
      )`);
    // An email the outbox did not send because its address is suppressed.
    await queryRunner.query(`ALTER TABLE email_outbox DROP CONSTRAINT email_outbox_state_check`);
    await queryRunner.query(
      `ALTER TABLE email_outbox ADD CONSTRAINT email_outbox_state_check
        CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'suppressed'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE email_outbox SET state = 'failed' WHERE state = 'suppressed'`);
    await queryRunner.query(`ALTER TABLE email_outbox DROP CONSTRAINT email_outbox_state_check`);
    await queryRunner.query(
      `ALTER TABLE email_outbox ADD CONSTRAINT email_outbox_state_check
        CHECK (state IN ('queued', 'sending', 'sent', 'failed'))`,
    );
    await queryRunner.query(`DROP TABLE delivery_event_nonces`);
    await queryRunner.query(`DROP TABLE suppressions`);
    await queryRunner.query(`DROP TABLE delivery_events`);
  }
}
