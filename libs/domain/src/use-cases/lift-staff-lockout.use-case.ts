import type { Clock } from '../ports/clock.port';
import type { RandomSource } from '../ports/random-source.port';
import type { UnitOfWork } from '../ports/unit-of-work.port';
import type { AuditActor } from '../staff/audit-entry';
import type { StaffMember } from '../staff/staff-member.entity';
import { requireReason } from '../staff/staff-reason';
import { StaffNotFound } from '../staff/staff.errors';

/**
 * An admin lets a staff member sign in again before their lockout ends (five wrong passwords, typed by anyone,
 * lock an address). Audited when there was a lockout to lift; lifting none changes nothing.
 */
export class LiftStaffLockout {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly random: RandomSource,
    private readonly clock: Clock,
  ) {}

  async execute(input: { actor: AuditActor; staffId: string; reason: string }): Promise<StaffMember> {
    const reason = requireReason(input.reason);
    const now = this.clock.now();
    return this.unitOfWork.run(async (tx) => {
      const member = await tx.staff.findByIdForUpdate(input.staffId);
      if (!member) throw new StaffNotFound();
      const lockedUntil = await tx.signInFailures.lift(member.email.normalized, now);
      if (lockedUntil) {
        await tx.audit.record({
          id: this.random.uuid(),
          actor: input.actor,
          action: 'staff.lockout_lifted',
          targetType: 'staff',
          targetId: member.id,
          reason,
          changes: { email: member.email.value, lockedUntil: { from: lockedUntil.toISOString(), to: null } },
          at: now,
        });
      }
      return member;
    });
  }
}
