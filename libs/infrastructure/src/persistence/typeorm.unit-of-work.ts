import { UnitOfWork, type TransactionalPorts } from '@gatehouse/domain/ports/unit-of-work.port';
import type { DataSource } from 'typeorm';
import { PostgresSignInSessions } from '../oidc/postgres.sign-in-sessions';
import { TypeOrmAuditTrail } from './audit-trail.typeorm-repository';
import { TypeOrmCodeAttempts } from './code-attempts.typeorm-repository';
import { TypeOrmConfirmationTokenRepository } from './confirmation-token.typeorm-repository';
import { TypeOrmEmailOutbox, type OutboxSettings } from './email-outbox.typeorm-repository';
import { TypeOrmEventOutbox } from './event-outbox.typeorm-repository';
import { TypeOrmSetupTokens } from './setup-tokens.typeorm-repository';
import { TypeOrmSignUpAttempts } from './sign-up-attempts.typeorm-repository';
import { TypeOrmSignInFailures } from './sign-in-failures.typeorm-repository';
import { TypeOrmStaffSessionRepository } from './staff-session.typeorm-repository';
import { TypeOrmStaffRepository } from './staff.typeorm-repository';
import { TypeOrmUserRepository } from './user.typeorm-repository';

export class TypeOrmUnitOfWork extends UnitOfWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outboxSettings: OutboxSettings,
  ) {
    super();
  }

  run<T>(work: (ports: TransactionalPorts) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) =>
      work({
        users: new TypeOrmUserRepository(manager),
        tokens: new TypeOrmConfirmationTokenRepository(manager),
        signUps: new TypeOrmSignUpAttempts(manager),
        codeAttempts: new TypeOrmCodeAttempts(manager),
        outbox: new TypeOrmEmailOutbox(manager, this.outboxSettings),
        events: new TypeOrmEventOutbox(manager, this.outboxSettings),
        staff: new TypeOrmStaffRepository(manager),
        sessions: new TypeOrmStaffSessionRepository(manager),
        signInFailures: new TypeOrmSignInFailures(manager),
        userSignInFailures: new TypeOrmSignInFailures(manager, 'users'),
        signInSessions: new PostgresSignInSessions(manager),
        setupTokens: new TypeOrmSetupTokens(manager),
        audit: new TypeOrmAuditTrail(manager),
      }),
    );
  }
}
