import { InvalidInput } from '@gatehouse/domain/errors/invalid-input.error';
import { DomainError } from '@gatehouse/domain/errors/domain-error';
import { STAFF_ROLES, type StaffRole } from '@gatehouse/domain/staff/staff-role';
import { CreateStaffMember } from '@gatehouse/domain/use-cases/create-staff-member.use-case';
import { Argon2PasswordHasher } from '@gatehouse/infrastructure/hashing/argon2.password-hasher';
import { OutboxPayloadCipher } from '@gatehouse/infrastructure/mail/outbox-payload.cipher';
import { createDataSource, runMigrations } from '@gatehouse/infrastructure/persistence/data-source';
import { TypeOrmUnitOfWork } from '@gatehouse/infrastructure/persistence/typeorm.unit-of-work';
import { ZxcvbnCommonPasswords } from '@gatehouse/infrastructure/security/zxcvbn.common-passwords';
import { NodeCryptoRandomSource } from '@gatehouse/infrastructure/security/node-crypto.random-source';
import { SystemClock } from '@gatehouse/infrastructure/time/system.clock';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config/app-config';
import { messageIdDomain } from './persistence/persistence.module';
import { startLocalServices } from './runtime/local-services';

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
  const dataSource = createDataSource(local.runtime.databaseUrl, { poolSize: 2 });
  try {
    await dataSource.initialize();
    await runMigrations(dataSource);
    const unitOfWork = new TypeOrmUnitOfWork(dataSource, {
      cipher: new OutboxPayloadCipher(local.runtime.appSecret),
      messageIdDomain: messageIdDomain(config.mailFrom),
      webhookUrls: [],
    });
    const hasher = new Argon2PasswordHasher({
      memoryCost: config.argon2MemoryKib,
      timeCost: config.argon2TimeCost,
      parallelism: config.argon2Parallelism,
    });
    const member = await new CreateStaffMember(
      unitOfWork,
      hasher,
      new NodeCryptoRandomSource(),
      new SystemClock(),
      new ZxcvbnCommonPasswords(),
    ).execute({
      email: values.email,
      password,
      role: values.role as StaffRole,
      actor: { id: null, email: 'npm run staff' },
      reason: 'Created on the command line',
    });
    console.log(`Created ${member.role} ${member.email.value}. Sign in at ${config.appUrl}/api/admin/session.`);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await local.stop();
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
