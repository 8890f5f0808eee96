import type { Clock } from '../ports/clock.port';
import type { TokenDigester } from '../ports/token-digester.port';
import type { UnitOfWork } from '../ports/unit-of-work.port';
import type { StaffMember } from '../staff/staff-member.entity';
import { sessionIsLive, type StaffSession, type StaffSessionPolicy } from '../staff/staff-session';
import { StaffSessionRequired } from '../staff/staff.errors';

// Writing last_seen_at on every request would make each read a write; a minute's precision is plenty
// against a 30-minute idle timeout.
const TOUCH_EVERY_MS = 60_000;

/** Turns a session cookie into the staff member behind it, or refuses: unknown, revoked, idle, expired, disabled. */
export class AuthenticateStaff {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly digester: TokenDigester,
    private readonly clock: Clock,
    private readonly policy: StaffSessionPolicy,
  ) {}

  async execute(secret: string | undefined): Promise<{ member: StaffMember; session: StaffSession }> {
    if (!secret || secret.length > 200) throw new StaffSessionRequired();
    const now = this.clock.now();
    return this.unitOfWork.run(async (tx) => {
      const session = await tx.sessions.findByDigest(this.digester.digest(secret));
      if (!session || !sessionIsLive(session, now, this.policy)) throw new StaffSessionRequired();
      const member = await tx.staff.findByIdForUpdate(session.staffId);
      if (!member || member.disabled) {
        await tx.sessions.revoke(session.id, now);
        throw new StaffSessionRequired();
      }
      if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) await tx.sessions.touch(session.id, now);
      return { member, session };
    });
  }
}
