import type { DeliveryRecord } from '../mail/delivery-record';
import { DeliveryHistory } from '../ports/delivery-history.port';
import { GetDeliveryHistory } from './get-delivery-history.use-case';

class FixedHistory extends DeliveryHistory {
  constructor(private readonly records: Record<string, DeliveryRecord[]>) {
    super();
  }
  async forUser(userId: string): Promise<DeliveryRecord[]> {
    return this.records[userId] ?? [];
  }
}

const anEmail = (state: DeliveryRecord['state'], minute: number): DeliveryRecord => ({
  id: `e${minute}`,
  channel: 'email',
  template: 'confirmation',
  recipient: 'a@example.com',
  state,
  attempts: state === 'failed' ? 8 : 1,
  lastError: state === 'failed' ? 'SMTP 550: mailbox unavailable' : null,
  messageId: `<e${minute}@example.com>`,
  smtpResponse: state === 'sent' ? '250 OK' : null,
  createdAt: new Date(Date.UTC(2026, 0, 1, 0, minute)),
  nextAttemptAt: null,
  sentAt: state === 'sent' ? new Date(Date.UTC(2026, 0, 1, 0, minute, 5)) : null,
});

describe('GetDeliveryHistory', () => {
  it('lists the emails with the newest state and the failure count', async () => {
    const history = new FixedHistory({ u1: [anEmail('failed', 1), anEmail('sent', 2), anEmail('queued', 3)] });
    const result = await new GetDeliveryHistory(history).execute({ userId: 'u1' });
    expect(result.emails.map((email) => email.state)).toEqual(['failed', 'sent', 'queued']);
    expect(result.latestState).toBe('queued');
    expect(result.failed).toBe(1);
  });

  it('says plainly when nothing was ever sent', async () => {
    const result = await new GetDeliveryHistory(new FixedHistory({})).execute({ userId: 'nobody' });
    expect(result).toEqual({ emails: [], latestState: null, failed: 0 });
  });
});
