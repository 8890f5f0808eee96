import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { MigrationInterface } from 'typeorm';
import { MIGRATIONS } from './data-source';

const MIGRATIONS_DIR = path.resolve(__dirname, '../../../../migrations');

/** The build bundles MIGRATIONS as written; this keeps it from forgetting a file in migrations/. */
describe('MIGRATIONS', () => {
  const files = readdirSync(MIGRATIONS_DIR)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'))
    .sort();

  it('lists every file in migrations/, in the order of their timestamps', () => {
    expect(files.length).toBeGreaterThan(0);
    const listed = MIGRATIONS.map((migration) => /(\d{13})$/.exec(migration.name)?.[1]);
    expect(listed).toEqual(files.map((file) => file.slice(0, 13)));
  });

  it.each(files)('%s is named <timestamp>-<what-it-does>.ts and listed as the class it exports', (file) => {
    const match = /^(\d{13})-[a-z0-9]+(?:-[a-z0-9]+)*\.ts$/.exec(file);
    expect(match).not.toBeNull();
    const timestamp = match![1];
    const exported = Object.values(jest.requireActual<Record<string, unknown>>(path.join(MIGRATIONS_DIR, file))).filter(
      (value): value is new () => MigrationInterface => typeof value === 'function',
    );
    expect(exported).toHaveLength(1);
    const [migration] = exported;
    expect(migration.name).toMatch(new RegExp(`^[A-Z][A-Za-z0-9]*${timestamp}$`));
    // TypeORM records a migration under its `name` property when it has one: it must be the class's name.
    expect(new migration().name ?? migration.name).toBe(migration.name);
    expect(MIGRATIONS[files.indexOf(file)]).toBe(migration);
  });
});
