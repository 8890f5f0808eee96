import type { EntityManager } from 'typeorm';

/**
 * Runs one UPDATE or DELETE and says how many rows it changed. TypeORM's PostgreSQL driver answers those two
 * commands with `[rows, rowCount]` rather than the rows alone.
 */
export async function affectedRows(manager: EntityManager, sql: string, parameters: unknown[]): Promise<number> {
  const [, count] = (await manager.query(sql, parameters)) as [unknown[], number];
  return count;
}
