import type { Clock } from '../ports/clock.port';
import type { RandomSource } from '../ports/random-source.port';
import type { UnitOfWork } from '../ports/unit-of-work.port';
import type { AuditActor } from '../staff/audit-entry';
import { requireReason } from '../staff/staff-reason';

/**
 * A list of people's addresses leaving Gatehouse is worth a line in the audit log: who took it, which filter,
 * why, and what actually left: how many users, and whether the list was complete (an export cut by a failing
 * query or a client that went away says so). Recorded when the export is over, so it never claims more.
 */
export class RecordUsersExport {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly random: RandomSource,
    private readonly clock: Clock,
  ) {}

  async execute(input: {
    actor: AuditActor;
    filter: Record<string, unknown>;
    reason: string;
    rows: number;
    complete: boolean;
  }): Promise<void> {
    const reason = requireReason(input.reason);
    await this.unitOfWork.run((tx) =>
      tx.audit.record({
        id: this.random.uuid(),
        actor: input.actor,
        action: 'users.export',
        targetType: 'users',
        targetId: null,
        reason,
        changes: { filter: input.filter, rows: input.rows, complete: input.complete },
        at: this.clock.now(),
      }),
    );
  }
}
