import 'reflect-metadata';
import { InvalidInput } from '@gatehouse/domain/errors/invalid-input.error';
import { DomainError } from '@gatehouse/domain/errors/domain-error';
import { STAFF_ROLES, type StaffRole } from '@gatehouse/domain/staff/staff-role';
import { CreateStaffMember } from '@gatehouse/domain/use-cases/create-staff-member.use-case';
import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config/app-config';
import { StaffAccountsModule } from './admin/staff/staff-accounts.module';
import { ConfigModule } from './config/config.module';
import { MetricsModule } from './observability/metrics.module';
import { PersistenceModule } from './persistence/persistence.module';
import { startLocalServices } from './runtime/local-services';
import type { Runtime } from './runtime/runtime';

const USAGE = `Usage: npm run staff -- create --email <address> --role <admin|support>

Creates a back-office staff member. The password is read from a prompt, or from the first line of
standard input when it is not a terminal (echo "$PASSWORD" | npm run staff -- create ...).
Uses DATABASE_URL, or the embedded PostgreSQL of \`npm start\` when it is unset.`;

class UsageError extends Error {}

/** `npm run staff -- create`: the way in for the first admin on a server, and for scripts. */
async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: { email: { type: 'string' }, role: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help || positionals[0] !== 'create') throw new UsageError(values.help ? '' : 'Say what to do: create.');
  if (!values.email) throw new UsageError('--email is missing.');
  if (!STAFF_ROLES.includes(values.role as StaffRole)) throw new UsageError('--role must be admin or support.');
  const password = await readPassword();

  const config = loadConfig(process.env);
  // Nothing is emailed here, so no SMTP server (nor the development inbox) is started.
  const local = await startLocalServices({ ...config, smtpUrl: config.smtpUrl ?? 'smtp://unused.invalid:25' }, (line) =>
    console.error(line),
  );
  // The application's own wiring (configuration, persistence with its migrations, the staff accounts module):
  // the command line creates staff exactly as the back office does.
  const context = await NestFactory.createApplicationContext(StaffCliModule.forRoot(local.runtime), { logger: false });
  try {
    const member = await context.get(CreateStaffMember).execute({
      email: values.email,
      password,
      role: values.role as StaffRole,
      actor: { id: null, email: 'npm run staff' },
      reason: 'Created on the command line',
    });
    console.log(`Created ${member.role} ${member.email.value}. Sign in at ${config.appUrl}/api/admin/session.`);
  } finally {
    await context.close();
    await local.stop();
  }
}

/** What `npm run staff` needs of the application: its configuration, its persistence, its staff accounts. */
@Module({})
class StaffCliModule {
  static forRoot(runtime: Runtime): DynamicModule {
    return {
      module: StaffCliModule,
      imports: [
        ConfigModule.forRoot(runtime.config),
        MetricsModule.forRoot({ http: false }),
        PersistenceModule.forRoot(runtime),
        StaffAccountsModule,
      ],
    };
  }
}

async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) return promptHidden();
  const lines = createInterface({ input: process.stdin });
  try {
    for await (const line of lines) return line;
    return '';
  } finally {
    lines.close();
  }
}

/** Reads a line from the terminal without echoing it. */
function promptHidden(): Promise<string> {
  process.stderr.write('Password: ');
  process.stdin.setRawMode(true);
  process.stdin.setEncoding('utf8');
  process.stdin.resume();
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = () => {
      process.stdin.off('data', onData);
      process.stdin.setRawMode(false);
      process.stdin.pause();
      process.stderr.write('\n');
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') {
          finish();
          resolve(value);
          return;
        }
        if (char === '\u0003') {
          finish();
          reject(new UsageError('Cancelled.'));
          return;
        }
        value = char === '\u007f' || char === '\b' ? [...value].slice(0, -1).join('') : value + char;
      }
    };
    process.stdin.on('data', onData);
  });
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    if (error.message) console.error(error.message);
    console.error(USAGE);
    process.exit(error.message ? 2 : 0);
  }
  if (error instanceof InvalidInput) console.error(error.problems.map((p) => `${p.field}: ${p.message}`).join('\n'));
  else if (error instanceof DomainError || error instanceof ConfigError) console.error(error.message);
  else console.error('Could not create the staff member:', error instanceof Error ? error.message : error);
  process.exit(1);
});
