import type { Clock } from '../ports/clock.port';
import type { RandomSource } from '../ports/random-source.port';
import type { UnitOfWork } from '../ports/unit-of-work.port';
import type { AuditActor } from '../staff/audit-entry';
import type { StaffMember } from '../staff/staff-member.entity';
import { requireReason } from '../staff/staff-reason';
import type { StaffRole } from '../staff/staff-role';
import { LastAdminRequired, StaffForbidden, StaffNotFound } from '../staff/staff.errors';

/**
 * Changes a staff member's role or switches them off. Disabling ends their sessions at once; the last active
 * admin can be neither demoted nor disabled, and nobody disables themselves.
 */
export class UpdateStaffMember {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly random: RandomSource,
    private readonly clock: Clock,
  ) {}

  async execute(input: {
    actor: AuditActor;
    staffId: string;
    role?: StaffRole;
    disabled?: boolean;
    reason: string;
  }): Promise<StaffMember> {
    const reason = requireReason(input.reason);
    const now = this.clock.now();
    // A change that may take an admin away locks the active admins (in one order) before the member: two admins
    // demoting each other at once then wait for one another instead of each holding the row the other needs.
    const mayRemoveAnAdmin = (input.role !== undefined && input.role !== 'admin') || input.disabled === true;
    return this.unitOfWork.run(async (tx) => {
      const activeAdmins = mayRemoveAnAdmin ? await tx.staff.countActiveAdminsForUpdate() : undefined;
      const member = await tx.staff.findByIdForUpdate(input.staffId);
      if (!member) throw new StaffNotFound();
      if (input.disabled === true && member.id === input.actor.id) {
        throw new StaffForbidden('You cannot disable your own account; ask another admin.');
      }
      const before = { role: member.role, disabled: member.disabled };
      const wasActiveAdmin = member.isActiveAdmin;
      if (input.role !== undefined && input.role !== member.role) member.changeRole(input.role, now);
      if (input.disabled !== undefined && input.disabled !== member.disabled) member.setDisabled(input.disabled, now);
      if (
        wasActiveAdmin &&
        !member.isActiveAdmin &&
        (activeAdmins ?? (await tx.staff.countActiveAdminsForUpdate())) <= 1
      ) {
        throw new LastAdminRequired();
      }
      await tx.staff.save(member);
      if (member.disabled && !before.disabled) await tx.sessions.revokeAllFor(member.id, now);
      const changes: Record<string, unknown> = {};
      if (before.role !== member.role) changes.role = { from: before.role, to: member.role };
      if (before.disabled !== member.disabled) changes.disabled = { from: before.disabled, to: member.disabled };
      await tx.audit.record({
        id: this.random.uuid(),
        actor: input.actor,
        action: 'staff.update',
        targetType: 'staff',
        targetId: member.id,
        reason,
        changes,
        at: now,
      });
      return member;
    });
  }
}
