import type { Clock } from '../ports/clock.port';
import type { RandomSource } from '../ports/random-source.port';
import type { TransactionalPorts, UnitOfWork } from '../ports/unit-of-work.port';
import type { User } from '../users/user.entity';
import { UserNotFound } from '../users/user.errors';
import type { AuditAction, AuditActor } from './audit-entry';
import { requireReason } from './staff-reason';

export interface StaffRequest {
  actor: AuditActor;
  userId: string;
  reason: string;
}

/**
 * The frame every staff action on one account shares: a reason is required, the account is locked for the
 * transaction, and the audit entry commits with the change it describes.
 */
export class UserActionRunner {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly random: RandomSource,
    private readonly clock: Clock,
  ) {}

  now(): Date {
    return this.clock.now();
  }

  async run<T>(
    request: StaffRequest,
    action: AuditAction,
    change: (tx: TransactionalPorts, user: User, now: Date) => Promise<{ result: T; changes: Record<string, unknown> }>,
  ): Promise<T> {
    const reason = requireReason(request.reason);
    const now = this.clock.now();
    return this.unitOfWork.run(async (tx) => {
      const user = await tx.users.findByIdForUpdate(request.userId);
      if (!user) throw new UserNotFound();
      const { result, changes } = await change(tx, user, now);
      await tx.audit.record({
        id: this.random.uuid(),
        actor: request.actor,
        action,
        targetType: 'user',
        targetId: user.id,
        reason,
        changes,
        at: now,
      });
      return result;
    });
  }
}
