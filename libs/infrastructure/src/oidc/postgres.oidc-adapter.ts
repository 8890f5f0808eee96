import type { Adapter, AdapterPayload } from 'oidc-provider';
import type { DataSource } from 'typeorm';
import {
  CONSUME_PAYLOAD,
  DELETE_EXPIRED_PAYLOADS,
  DESTROY_PAYLOAD,
  FIND_PAYLOAD,
  FIND_PAYLOAD_BY_UID,
  FIND_PAYLOAD_BY_USER_CODE,
  REVOKE_GRANT,
  UPSERT_PAYLOAD,
  upsertPayloadParameters,
  type FoundPayloadRow,
} from '../persistence/oidc-payload.record';

/**
 * oidc-provider's storage in PostgreSQL (table oidc_payloads): one adapter per model, all in one table keyed by
 * model and id. Nothing is kept in the process, so any instance serves any step of a flow and a restart signs
 * nobody out. Expiry is the database's clock: a row past it is not found, and removeExpired deletes it.
 */
export class PostgresOidcAdapter implements Adapter {
  constructor(
    private readonly model: string,
    private readonly dataSource: DataSource,
  ) {}

  async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
    await this.dataSource.query(
      UPSERT_PAYLOAD,
      upsertPayloadParameters({
        model: this.model,
        id,
        payload: payload as Record<string, unknown>,
        grantId: payload.grantId ?? null,
        userCode: payload.userCode ?? null,
        uid: payload.uid ?? null,
        expiresInSeconds: typeof expiresIn === 'number' && Number.isFinite(expiresIn) ? expiresIn : null,
      }),
    );
  }

  find(id: string): Promise<AdapterPayload | undefined> {
    return this.first(FIND_PAYLOAD, id);
  }

  findByUid(uid: string): Promise<AdapterPayload | undefined> {
    return this.first(FIND_PAYLOAD_BY_UID, uid);
  }

  findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    return this.first(FIND_PAYLOAD_BY_USER_CODE, userCode);
  }

  async consume(id: string): Promise<void> {
    await this.dataSource.query(CONSUME_PAYLOAD, [this.model, id]);
  }

  async destroy(id: string): Promise<void> {
    await this.dataSource.query(DESTROY_PAYLOAD, [this.model, id]);
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    await this.dataSource.query(REVOKE_GRANT, [grantId]);
  }

  /** Deletes expired rows of every model, a batch at a time; returns how many went. */
  static async removeExpired(dataSource: DataSource, batchSize = 1000): Promise<number> {
    let removed = 0;
    for (;;) {
      const [, count] = (await dataSource.query(DELETE_EXPIRED_PAYLOADS, [batchSize])) as [unknown, number];
      removed += count;
      if (count < batchSize) return removed;
    }
  }

  private async first(statement: string, key: string): Promise<AdapterPayload | undefined> {
    const rows = (await this.dataSource.query(statement, [this.model, key])) as FoundPayloadRow[];
    if (!rows.length) return undefined;
    const { payload, consumedAt } = rows[0];
    // oidc-provider reads `consumed` (a timestamp in seconds) to refuse a code or a refresh token used once.
    return consumedAt
      ? { ...(payload as AdapterPayload), consumed: Math.floor(consumedAt.getTime() / 1000) }
      : (payload as AdapterPayload);
  }
}
