import { BouncedPendingAccounts } from '@gatehouse/domain/ports/bounced-pending-accounts.port';
import type { DataSource } from 'typeorm';
import { PENDING_HARD_BOUNCED_BEFORE } from './delivery-event.record';

/** Pending accounts whose email hard-bounced, from the delivery history in PostgreSQL. */
export class TypeOrmBouncedPendingAccounts extends BouncedPendingAccounts {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async hardBouncedBefore(cutoff: Date, limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      PENDING_HARD_BOUNCED_BEFORE.text,
      PENDING_HARD_BOUNCED_BEFORE.values({ cutoff, limit }),
    );
    return rows.map((row) => row.id);
  }
}
