import { createDataSource, runMigrations } from '@gatehouse/infrastructure/persistence/data-source';
import { createTestDatabase, withClient } from '@gatehouse/infrastructure/testing/test-database';
import { type DataSource } from 'typeorm';

export interface MigratedTestDatabase {
  dataSource: DataSource;
  close(): Promise<void>;
}

/**
 * A database of this test file's own, migrated, whose sessions run in `timeZone`: a zone far from UTC
 * (Kiritimati is UTC+14) shows any query that buckets or renders times in the server's zone instead of UTC.
 */
export async function migratedTestDatabase(timeZone = 'Pacific/Kiritimati'): Promise<MigratedTestDatabase> {
  const database = await createTestDatabase();
  await withClient(database.url, (client) =>
    client.query(`ALTER DATABASE ${database.name} SET timezone TO '${timeZone.replaceAll("'", "''")}'`),
  );
  const dataSource = createDataSource(database.url);
  await dataSource.initialize();
  await runMigrations(dataSource);
  return {
    dataSource,
    close: async () => {
      await dataSource.destroy();
      await database.drop();
    },
  };
}
