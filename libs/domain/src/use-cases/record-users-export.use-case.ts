import type { Clock } from '../ports/clock.port';
import type { RandomSource } from '../ports/random-source.port';
import type { UnitOfWork } from '../ports/unit-of-work.port';
import type { AuditActor } from '../staff/audit-entry';
import { requireReason } from '../staff/staff-reason';

/** A list of people's addresses leaving Gatehouse is worth a line in the audit log: who took it, which filter, why. */
export class RecordUsersExport {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly random: RandomSource,
    private readonly clock: Clock,
  ) {}

  async execute(input: { actor: AuditActor; filter: Record<string, unknown>; reason: string }): Promise<void> {
    const reason = requireReason(input.reason);
    await this.unitOfWork.run((tx) =>
      tx.audit.record({
        id: this.random.uuid(),
        actor: input.actor,
        action: 'users.export',
        targetType: 'users',
        targetId: null,
        reason,
        changes: { filter: input.filter },
        at: this.clock.now(),
      }),
    );
  }
}
