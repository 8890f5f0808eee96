import type { StaffSession } from '../staff/staff-session';

export abstract class StaffSessionRepository {
  abstract add(session: StaffSession): Promise<void>;
  abstract findByDigest(digest: string): Promise<StaffSession | null>;
  abstract touch(sessionId: string, now: Date): Promise<void>;
  abstract revoke(sessionId: string, now: Date): Promise<void>;
  abstract revokeAllFor(staffId: string, now: Date): Promise<void>;
}
