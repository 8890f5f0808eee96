import {
  describeDeliverabilityPortsContract,
  type DeliverabilityPortsUnderTest,
} from './deliverability-ports.contract';
import { InMemoryDeliveryEvents } from './in-memory-deliverability-ports';

// The same contract runs against PostgreSQL in libs/infrastructure/src/persistence/deliverability-ports.contract.spec.ts.
let ports: DeliverabilityPortsUnderTest;
let sequence = 0;

beforeAll(() => {
  const deliveryEvents = new InMemoryDeliveryEvents();
  ports = {
    deliveryEvents,
    async sentEmail(address) {
      const outboxId = `30000000-0000-4000-8000-${(++sequence).toString().padStart(12, '0')}`;
      const email = {
        outboxId,
        userId: `40000000-0000-4000-8000-${sequence.toString().padStart(12, '0')}`,
        to: address,
        addressKey: address.toLowerCase(),
        messageId: `<${outboxId}@example.test>`,
      };
      deliveryEvents.sent(email);
      return email;
    },
    suppressionOf: (addressKey) => deliveryEvents.suppressionOf(addressKey),
  };
});

describeDeliverabilityPortsContract('The in-memory fakes', () => ports);
