import { SetupTokens } from '@gatehouse/domain/ports/setup-tokens.port';
import type { EntityManager } from 'typeorm';

export class TypeOrmSetupTokens extends SetupTokens {
  constructor(private readonly manager: EntityManager) {
    super();
  }

  async add(digest: string, now: Date, expiresAt: Date): Promise<void> {
    await this.manager.query(`INSERT INTO staff_setup_tokens (digest, created_at, expires_at) VALUES ($1, $2, $3)`, [
      digest,
      now,
      expiresAt,
    ]);
  }

  async consume(digest: string, now: Date): Promise<boolean> {
    // Through a CTE: TypeORM answers a bare UPDATE ... RETURNING with [rows, count] rather than the rows.
    const rows: unknown[] = await this.manager.query(
      `WITH used AS (
         UPDATE staff_setup_tokens SET used_at = $2 WHERE digest = $1 AND used_at IS NULL AND expires_at > $2
         RETURNING digest)
       SELECT digest FROM used`,
      [digest, now],
    );
    return rows.length === 1;
  }
}
