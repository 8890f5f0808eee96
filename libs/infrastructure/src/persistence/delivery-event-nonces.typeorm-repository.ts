import type { DataSource } from 'typeorm';
import type { NonceStore } from '../deliverability/mailgun.webhook';
import { TAKE_NONCE } from './delivery-event-nonce.record';

/** Single-use webhook values in PostgreSQL, so every instance refuses a token any of them has seen. */
export class TypeOrmDeliveryEventNonces implements NonceStore {
  constructor(private readonly dataSource: DataSource) {}

  async take(provider: string, nonce: string, now: Date, forgetBefore: Date): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      TAKE_NONCE.text,
      TAKE_NONCE.values({ provider, nonce, seenAt: now, forgetBefore }),
    );
    return rows.length === 1;
  }
}
