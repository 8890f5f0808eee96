import type { DeliveryRecord } from '../mail/delivery-record';
import type { DeliveryHistory } from '../ports/delivery-history.port';

export interface DeliveryHistoryResult {
  emails: DeliveryRecord[];
  /** The newest email's state, what a support person looks at first ("did the last link arrive?"). */
  latestState: DeliveryRecord['state'] | null;
  failed: number;
}

/** What was emailed to a person and what happened to each email, for the back office. */
export class GetDeliveryHistory {
  constructor(private readonly history: DeliveryHistory) {}

  async execute(input: { userId: string }): Promise<DeliveryHistoryResult> {
    const emails = await this.history.forUser(input.userId);
    return {
      emails,
      latestState: emails.length ? emails[emails.length - 1].state : null,
      failed: emails.filter((email) => email.state === 'failed').length,
    };
  }
}
