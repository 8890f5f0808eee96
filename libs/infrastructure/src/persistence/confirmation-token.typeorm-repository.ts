import type { ConfirmationToken } from '@gatehouse/domain/confirmation/confirmation-token';
import { ConfirmationTokenRepository } from '@gatehouse/domain/ports/confirmation-token.repository.port';
import { IsNull, type EntityManager } from 'typeorm';
import { tokenToDomain, tokenToRecord } from './confirmation-token.mapper';
import { ConfirmationTokenRecord } from './confirmation-token.record';

export class TypeOrmConfirmationTokenRepository extends ConfirmationTokenRepository {
  constructor(private readonly manager: EntityManager) {
    super();
  }

  async add(token: ConfirmationToken): Promise<void> {
    await this.manager.getRepository(ConfirmationTokenRecord).insert(tokenToRecord(token));
  }

  async supersedeOutstanding(userId: string, now: Date): Promise<void> {
    await this.manager
      .getRepository(ConfirmationTokenRecord)
      .update({ userId, usedAt: IsNull(), supersededAt: IsNull() }, { supersededAt: now });
  }

  async findByDigest(digest: string): Promise<ConfirmationToken | null> {
    const record = await this.manager.getRepository(ConfirmationTokenRecord).findOneBy({ digest });
    return record ? tokenToDomain(record) : null;
  }

  async findNewestOutstanding(userId: string): Promise<ConfirmationToken | null> {
    const record = await this.manager.getRepository(ConfirmationTokenRecord).findOne({
      where: { userId, usedAt: IsNull(), supersededAt: IsNull() },
      order: { issuedAt: 'DESC' },
    });
    return record ? tokenToDomain(record) : null;
  }

  async recordFailedCode(tokenId: string): Promise<number> {
    const rows: Array<{ failed_code_attempts: number }> = await this.manager.query(
      `WITH counted AS (
         UPDATE confirmation_tokens SET failed_code_attempts = failed_code_attempts + 1 WHERE id = $1
         RETURNING failed_code_attempts)
       SELECT failed_code_attempts FROM counted`,
      [tokenId],
    );
    return rows[0]?.failed_code_attempts ?? 0;
  }

  async consume(tokenId: string, now: Date): Promise<boolean> {
    // The guard makes single use hold in the database itself, whatever the caller read before.
    const result = await this.manager
      .getRepository(ConfirmationTokenRecord)
      .update({ id: tokenId, usedAt: IsNull(), supersededAt: IsNull() }, { usedAt: now });
    return result.affected === 1;
  }
}
