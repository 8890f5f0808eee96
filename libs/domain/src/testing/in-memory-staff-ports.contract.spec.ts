import { InMemoryStore, InMemoryUnitOfWork } from './in-memory-ports';
import { describeStaffPortsContract } from './staff-ports.contract';

// The same contract runs against PostgreSQL in libs/infrastructure/src/persistence/staff-ports.contract.spec.ts.
const unitOfWork = new InMemoryUnitOfWork(new InMemoryStore());

describeStaffPortsContract('The in-memory fakes', () => unitOfWork);
