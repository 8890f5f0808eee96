import { CODE_ATTEMPTS } from '../confirmation/confirmation-code';
import type { Clock } from '../ports/clock.port';
import type { UnitOfWork } from '../ports/unit-of-work.port';

const BATCH = 500;

/**
 * Removes accounts that were never confirmed within the allowed time of their latest sign-up, so an address someone typed for a
 * stranger does not stay taken, and no data is kept about people who never finished signing up. Each removal
 * is announced as user.deleted. Safe to run on several instances at once.
 */
export class PurgeUnconfirmedAccounts {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly pendingLifetimeMs: number,
  ) {}

  /** Returns how many accounts were removed. */
  async execute(): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - this.pendingLifetimeMs);
    // Code attempts whose window has ended count for nothing any more.
    await this.unitOfWork.run((tx) =>
      tx.codeAttempts.removeEnded(new Date(this.clock.now().getTime() - CODE_ATTEMPTS.windowMs)),
    );
    let removed = 0;
    for (;;) {
      const batch = await this.unitOfWork.run(async (tx) => {
        const stale = await tx.users.findStalePendingForUpdate(cutoff, BATCH);
        for (const user of stale) {
          await tx.events.publish({
            type: 'user.deleted',
            userId: user.id,
            email: user.email.value,
            occurredAt: this.clock.now(),
          });
          await tx.users.delete(user.id);
        }
        return stale.length;
      });
      removed += batch;
      if (batch < BATCH) return removed;
    }
  }
}
