import type { ConfirmationEmails } from '../confirmation/confirmation-emails';
import type { Clock } from '../ports/clock.port';
import type { Suppressions } from '../ports/suppressions.port';
import type { RandomSource } from '../ports/random-source.port';
import type { UnitOfWork } from '../ports/unit-of-work.port';
import type { AuditActor } from '../staff/audit-entry';
import { requireReason } from '../staff/staff-reason';

export interface BulkResendResult {
  matched: number;
  queued: number;
  /** Held back by the per-address email limits. */
  limited: number;
  /** Not sent to: no longer pending (confirmed, disabled or deleted meanwhile), or suppressed. */
  skipped: number;
  /** Of those skipped, the ones whose address is on the suppression list. */
  suppressed: number;
}

/**
 * Sends a fresh link to each of the given pending accounts, one transaction per person so one failure
 * cannot undo the rest. Each send is audited on the person, and the whole run once more with its filter.
 */
export class BulkResendConfirmation {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly mailer: ConfirmationEmails,
    private readonly random: RandomSource,
    private readonly clock: Clock,
    private readonly suppressions: Suppressions,
  ) {}

  async execute(input: {
    actor: AuditActor;
    userIds: readonly string[];
    reason: string;
    filter: Record<string, unknown>;
  }): Promise<BulkResendResult> {
    const reason = requireReason(input.reason);
    const result: BulkResendResult = {
      matched: input.userIds.length,
      queued: 0,
      limited: 0,
      skipped: 0,
      suppressed: 0,
    };
    for (const userId of input.userIds) {
      const outcome = await this.unitOfWork.run(async (tx) => {
        const user = await tx.users.findByIdForUpdate(userId);
        if (!user?.isPending) return 'skipped' as const;
        const suppression = await this.suppressions.find(user.email.normalized);
        if (suppression?.isActiveAt(this.clock.now())) return 'suppressed' as const;
        const sent = await this.mailer.sendConfirmation(tx, user);
        if (sent.kind === 'limited') return 'limited' as const;
        await tx.audit.record({
          id: this.random.uuid(),
          actor: input.actor,
          action: 'user.resend_confirmation',
          targetType: 'user',
          targetId: user.id,
          reason,
          changes: { email: 'confirmation queued', bulk: true },
          at: this.clock.now(),
        });
        return 'queued' as const;
      });
      result[outcome] += 1;
      if (outcome === 'suppressed') result.skipped += 1;
    }
    await this.unitOfWork.run((tx) =>
      tx.audit.record({
        id: this.random.uuid(),
        actor: input.actor,
        action: 'users.bulk_resend',
        targetType: 'users',
        targetId: null,
        reason,
        changes: { filter: input.filter, ...result },
        at: this.clock.now(),
      }),
    );
    return result;
  }
}
