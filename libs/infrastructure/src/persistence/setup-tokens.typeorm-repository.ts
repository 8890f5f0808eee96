import { SetupTokens } from '@gatehouse/domain/ports/setup-tokens.port';
import { IsNull, MoreThan, type EntityManager, type Repository } from 'typeorm';
import { StaffSetupTokenRecord } from './staff-setup-token.record';

export class TypeOrmSetupTokens extends SetupTokens {
  private readonly records: Repository<StaffSetupTokenRecord>;

  constructor(manager: EntityManager) {
    super();
    this.records = manager.getRepository(StaffSetupTokenRecord);
  }

  async add(digest: string, now: Date, expiresAt: Date): Promise<void> {
    await this.records.insert({ digest, createdAt: now, expiresAt, usedAt: null });
  }

  async consume(digest: string, now: Date): Promise<boolean> {
    // One guarded UPDATE: of two requests with the same link, one changes the row and the other finds it used.
    const result = await this.records.update({ digest, usedAt: IsNull(), expiresAt: MoreThan(now) }, { usedAt: now });
    return result.affected === 1;
  }
}
