import type { Suppression } from '@gatehouse/domain/deliverability/suppression';
import { Suppressions } from '@gatehouse/domain/ports/suppressions.port';
import type { AuditEntry } from '@gatehouse/domain/staff/audit-entry';
import type { DataSource } from 'typeorm';
import { TypeOrmAuditTrail } from './audit-trail.typeorm-repository';
import { DELETE_SUPPRESSION, SUPPRESSIONS_OF, suppressionFromRow, type SuppressionRow } from './suppression.record';

/** The suppression list in PostgreSQL; a lift and its audit entry commit together. */
export class TypeOrmSuppressions extends Suppressions {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async find(addressKey: string): Promise<Suppression | null> {
    const rows: SuppressionRow[] = await this.dataSource.query(
      SUPPRESSIONS_OF.text,
      SUPPRESSIONS_OF.values({ addressKeys: [addressKey] }),
    );
    return rows[0] ? suppressionFromRow(rows[0]) : null;
  }

  lift(addressKey: string, audit: AuditEntry): Promise<Suppression | null> {
    return this.dataSource.transaction(async (manager) => {
      const rows: SuppressionRow[] = await manager.query(
        DELETE_SUPPRESSION.text,
        DELETE_SUPPRESSION.values({ addressKey }),
      );
      if (!rows[0]) return null;
      await new TypeOrmAuditTrail(manager).record(audit);
      return suppressionFromRow(rows[0]);
    });
  }
}
