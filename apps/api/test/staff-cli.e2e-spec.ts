import { createTestDatabase, withClient, type TestDatabase } from '@gatehouse/infrastructure/testing/test-database';
import { runBuiltCli } from './support/built-cli';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

/** Runs the built `npm run staff` program as a person or a script would, the password on standard input. */
const staff = (args: string[], input: string) => runBuiltCli('staff', args, database.url, input);

describe('npm run staff -- create', () => {
  it('creates a staff member with the password from standard input, hashed with argon2id', async () => {
    const result = await staff(
      ['create', '--email', 'Ops@Example.com', '--role', 'admin'],
      'a strong admin password\n',
    );
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toContain('Created admin Ops@Example.com');
    const rows = await withClient(database.url, (client) =>
      client.query(`SELECT email, role, password_hash FROM staff_members`),
    );
    expect(rows.rows).toEqual([
      { email: 'Ops@Example.com', role: 'admin', password_hash: expect.stringMatching(/^\$argon2id\$/) },
    ]);
    const audit = await withClient(database.url, (client) => client.query(`SELECT staff_email, action FROM audit_log`));
    expect(audit.rows).toEqual([{ staff_email: 'npm run staff', action: 'staff.create' }]);
  });

  it('says what is wrong: a taken address, a short, common or own-address password, a missing option, an unknown role', async () => {
    const taken = await staff(['create', '--email', 'ops@example.com', '--role', 'support'], 'another password\n');
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('already exists');
    const short = await staff(['create', '--email', 'new@example.com', '--role', 'support'], 'short\n');
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/password: .*8/);
    // The sign-up rules hold here too: no common password, none containing the address.
    const common = await staff(['create', '--email', 'new@example.com', '--role', 'admin'], 'password123\n');
    expect(common.code).toBe(1);
    expect(common.stderr).toMatch(/password: .*common/);
    const ownAddress = await staff(['create', '--email', 'new@example.com', '--role', 'admin'], 'new@example.com!\n');
    expect(ownAddress.code).toBe(1);
    expect(ownAddress.stderr).toMatch(/password: .*email address/);
    const missing = await staff(['create', '--role', 'support'], 'whatever password\n');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--email is missing');
    const role = await staff(['create', '--email', 'x@example.com', '--role', 'owner'], 'whatever password\n');
    expect(role.code).toBe(2);
    expect(role.stderr).toContain('--role must be admin or support');
    const count = await withClient(database.url, (client) =>
      client.query(`SELECT count(*)::int AS n FROM staff_members`),
    );
    expect(count.rows[0].n).toBe(1);
  });
});
