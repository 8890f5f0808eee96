import { CODE_ATTEMPTS } from '../confirmation/confirmation-code';
import type { BouncedPendingAccounts } from '../ports/bounced-pending-accounts.port';
import type { Clock } from '../ports/clock.port';
import type { TransactionalPorts, UnitOfWork } from '../ports/unit-of-work.port';
import type { User } from '../users/user.entity';

const BATCH = 500;

/**
 * Removes accounts that were never confirmed within the allowed time of their latest sign-up, so an address someone typed for a
 * stranger does not stay taken, and no data is kept about people who never finished signing up. Each removal
 * is announced as user.deleted. A pending account whose confirmation bounced for good goes sooner, once the bounce
 * is `bounced.lifetimeMs` old (BOUNCED_PENDING_TTL): that email will never arrive, and the address is freed for its
 * real owner. Safe to run on several instances at once.
 */
export class PurgeUnconfirmedAccounts {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly pendingLifetimeMs: number,
    private readonly bounced: { accounts: BouncedPendingAccounts; lifetimeMs: number },
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
        for (const user of stale) await this.remove(tx, user);
        return stale.length;
      });
      removed += batch;
      if (batch < BATCH) break;
    }
    return removed + (await this.purgeHardBounced());
  }

  private async purgeHardBounced(): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - this.bounced.lifetimeMs);
    let removed = 0;
    for (;;) {
      const ids = await this.bounced.accounts.hardBouncedBefore(cutoff, BATCH);
      for (const id of ids) {
        removed += await this.unitOfWork.run(async (tx) => {
          // Held and judged again: confirmed (by hand) or removed since the read, it stays as it is.
          const user = await tx.users.findByIdForUpdate(id);
          if (!user?.isPending) return 0;
          await this.remove(tx, user);
          return 1;
        });
      }
      if (ids.length < BATCH) return removed;
    }
  }

  private async remove(tx: TransactionalPorts, user: User): Promise<void> {
    await tx.events.publish({
      type: 'user.deleted',
      userId: user.id,
      email: user.email.value,
      occurredAt: this.clock.now(),
    });
    await tx.users.delete(user.id);
  }
}
