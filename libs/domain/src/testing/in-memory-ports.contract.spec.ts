import { InMemoryConfirmations, InMemoryStore, InMemoryUnitOfWork } from './in-memory-ports';
import { describeRegistrationPortsContract, type RegistrationPortsUnderTest } from './registration-ports.contract';

// The same contract runs against PostgreSQL in libs/infrastructure/src/persistence/registration-ports.contract.spec.ts.
let ports: RegistrationPortsUnderTest;

beforeAll(() => {
  const store = new InMemoryStore();
  ports = {
    unitOfWork: new InMemoryUnitOfWork(store),
    confirmations: new InMemoryConfirmations(store),
    async failEmailsTo(normalizedAddress) {
      for (const queued of store.outbox) if (queued.email.to.normalized === normalizedAddress) queued.failed = true;
    },
  };
});

describeRegistrationPortsContract('The in-memory fakes', () => ports);
