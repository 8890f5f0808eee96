import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The number of users in each status, kept by triggers, so the back office's lists can say how many users
 * there are without counting a million rows on every page (count(*) reads the whole index: about 70 ms per
 * million on two cores). The counts are transactional: a reader sees exactly the users its snapshot sees.
 *
 * Each status is spread over 16 slots, one picked per database session, so concurrent sign-ups and
 * confirmations rarely wait for each other's counter row; a slot may go negative, the sum per status is right.
 */
export class CountUsersByStatus1764504000000 implements MigrationInterface {
  name = 'CountUsersByStatus1764504000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // No user is written between the first count and the triggers taking over (the lock lasts to the commit).
    await queryRunner.query(`LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE`);
    await queryRunner.query(`
      CREATE TABLE user_counts (
        status text NOT NULL,
        slot smallint NOT NULL,
        users bigint NOT NULL,
        PRIMARY KEY (status, slot)
      )`);
    // Inserts and deletes once per statement (a purge batch or a seed is one statement), over transition tables.
    await queryRunner.query(`
      CREATE FUNCTION user_counts_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO user_counts (status, slot, users)
        SELECT status, pg_backend_pid() % 16, count(*) FROM inserted GROUP BY status
        ON CONFLICT (status, slot) DO UPDATE SET users = user_counts.users + excluded.users;
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION user_counts_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO user_counts (status, slot, users)
        SELECT status, pg_backend_pid() % 16, -count(*) FROM deleted GROUP BY status
        ON CONFLICT (status, slot) DO UPDATE SET users = user_counts.users + excluded.users;
        RETURN NULL;
      END
      $$`);
    // Updates once per row that changes status (a confirmation): one statement. Most updates change none.
    await queryRunner.query(`
      CREATE FUNCTION user_counts_after_status_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO user_counts (status, slot, users)
        VALUES (OLD.status, pg_backend_pid() % 16, -1), (NEW.status, pg_backend_pid() % 16, 1)
        ON CONFLICT (status, slot) DO UPDATE SET users = user_counts.users + excluded.users;
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION user_counts_after_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM user_counts;
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER users_counted_insert AFTER INSERT ON users REFERENCING NEW TABLE AS inserted
        FOR EACH STATEMENT EXECUTE FUNCTION user_counts_after_insert()`);
    await queryRunner.query(`
      CREATE TRIGGER users_counted_delete AFTER DELETE ON users REFERENCING OLD TABLE AS deleted
        FOR EACH STATEMENT EXECUTE FUNCTION user_counts_after_delete()`);
    await queryRunner.query(`
      CREATE TRIGGER users_counted_status AFTER UPDATE OF status ON users
        FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION user_counts_after_status_change()`);
    await queryRunner.query(`
      CREATE TRIGGER users_counted_truncate AFTER TRUNCATE ON users
        FOR EACH STATEMENT EXECUTE FUNCTION user_counts_after_truncate()`);
    await queryRunner.query(
      `INSERT INTO user_counts (status, slot, users) SELECT status, 0, count(*) FROM users GROUP BY status`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER users_counted_truncate ON users`);
    await queryRunner.query(`DROP TRIGGER users_counted_status ON users`);
    await queryRunner.query(`DROP TRIGGER users_counted_delete ON users`);
    await queryRunner.query(`DROP TRIGGER users_counted_insert ON users`);
    await queryRunner.query(`DROP FUNCTION user_counts_after_truncate()`);
    await queryRunner.query(`DROP FUNCTION user_counts_after_status_change()`);
    await queryRunner.query(`DROP FUNCTION user_counts_after_delete()`);
    await queryRunner.query(`DROP FUNCTION user_counts_after_insert()`);
    await queryRunner.query(`DROP TABLE user_counts`);
  }
}
