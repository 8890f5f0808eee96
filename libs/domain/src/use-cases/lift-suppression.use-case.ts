import { NotSuppressed } from '../deliverability/deliverability.errors';
import type { Clock } from '../ports/clock.port';
import type { RandomSource } from '../ports/random-source.port';
import type { Suppressions } from '../ports/suppressions.port';
import type { UnitOfWork } from '../ports/unit-of-work.port';
import type { StaffRequest } from '../staff/user-actions';
import { requireReason } from '../staff/staff-reason';
import { UserNotFound } from '../users/user.errors';

export interface LiftedSuppression {
  cause: string;
  reason: string;
}

/**
 * Support lifts an address's suppression for a person who fixed their mailbox: emails go to it again. Audited on
 * the person, with what the suppression was; the delivery history keeps the bounce or complaint that caused it.
 */
export class LiftSuppression {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly suppressions: Suppressions,
    private readonly random: RandomSource,
    private readonly clock: Clock,
  ) {}

  async execute(request: StaffRequest): Promise<LiftedSuppression> {
    const reason = requireReason(request.reason);
    const user = await this.unitOfWork.run((tx) => tx.users.findById(request.userId));
    if (!user) throw new UserNotFound();
    const now = this.clock.now();
    const existing = await this.suppressions.find(user.email.normalized);
    if (!existing) throw new NotSuppressed();
    const lifted = await this.suppressions.lift(user.email.normalized, {
      id: this.random.uuid(),
      actor: request.actor,
      action: 'user.suppression_lifted',
      targetType: 'user',
      targetId: user.id,
      reason,
      changes: {
        cause: existing.cause,
        suppression: existing.describe(),
        wasActive: existing.isActiveAt(now),
      },
      at: now,
    });
    if (!lifted) throw new NotSuppressed();
    return { cause: lifted.cause, reason: lifted.describe() };
  }
}
