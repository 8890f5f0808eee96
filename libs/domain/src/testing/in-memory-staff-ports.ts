import { AuditTrail } from '../ports/audit-trail.port';
import { SetupTokens } from '../ports/setup-tokens.port';
import { SignInFailures, type SignInAttempt, type SignInLockoutRule } from '../ports/sign-in-failures.port';
import { StaffSessionRepository } from '../ports/staff-session.repository.port';
import { StaffRepository } from '../ports/staff.repository.port';
import type { AuditEntry } from '../staff/audit-entry';
import { StaffMember } from '../staff/staff-member.entity';
import type { StaffSession } from '../staff/staff-session';
import type { Email } from '../users/email.value-object';

// Fakes of the back-office ports, same contracts as the PostgreSQL adapters, kept in memory.

interface FailureRow {
  failures: number;
  windowStartedAt: Date;
  lockedUntil: Date | null;
}

export class InMemoryStaffStore {
  members = new Map<string, StaffMember>();
  sessions = new Map<string, StaffSession>();
  failures = new Map<string, FailureRow>();
  /** People's sign-in attempts, apart from staff's. */
  userFailures = new Map<string, FailureRow>();
  setupTokens = new Map<string, { expiresAt: Date; usedAt: Date | null }>();
  audit: AuditEntry[] = [];

  clone(): InMemoryStaffStore {
    const copy = new InMemoryStaffStore();
    for (const [id, member] of this.members) copy.members.set(id, StaffMember.restore(member.snapshot()));
    for (const [id, session] of this.sessions) copy.sessions.set(id, { ...session });
    for (const [key, row] of this.failures) copy.failures.set(key, { ...row });
    for (const [key, row] of this.userFailures) copy.userFailures.set(key, { ...row });
    for (const [key, row] of this.setupTokens) copy.setupTokens.set(key, { ...row });
    copy.audit = [...this.audit];
    return copy;
  }
}

class InMemoryStaff extends StaffRepository {
  constructor(private readonly store: InMemoryStaffStore) {
    super();
  }
  async addIfAddressFree(member: StaffMember): Promise<boolean> {
    if ([...this.store.members.values()].some((m) => m.email.equals(member.email))) return false;
    this.store.members.set(member.id, StaffMember.restore(member.snapshot()));
    return true;
  }
  async findByEmail(email: Email): Promise<StaffMember | null> {
    const found = [...this.store.members.values()].find((m) => m.email.equals(email));
    return found ? StaffMember.restore(found.snapshot()) : null;
  }
  async findByIdForUpdate(id: string): Promise<StaffMember | null> {
    const found = this.store.members.get(id);
    return found ? StaffMember.restore(found.snapshot()) : null;
  }
  async save(member: StaffMember): Promise<void> {
    this.store.members.set(member.id, StaffMember.restore(member.snapshot()));
  }
  async count(): Promise<number> {
    return this.store.members.size;
  }
  async countActiveAdminsForUpdate(): Promise<number> {
    return [...this.store.members.values()].filter((m) => m.isActiveAdmin).length;
  }
}

class InMemorySessions extends StaffSessionRepository {
  constructor(private readonly store: InMemoryStaffStore) {
    super();
  }
  async add(session: StaffSession): Promise<void> {
    this.store.sessions.set(session.id, { ...session });
  }
  async findByDigest(digest: string): Promise<StaffSession | null> {
    const found = [...this.store.sessions.values()].find((s) => s.digest === digest);
    return found ? { ...found } : null;
  }
  async touch(sessionId: string, now: Date): Promise<void> {
    const found = this.store.sessions.get(sessionId);
    if (found) this.store.sessions.set(sessionId, { ...found, lastSeenAt: now });
  }
  async revoke(sessionId: string, now: Date): Promise<void> {
    const found = this.store.sessions.get(sessionId);
    if (found && !found.revokedAt) this.store.sessions.set(sessionId, { ...found, revokedAt: now });
  }
  async revokeAllFor(staffId: string, now: Date): Promise<void> {
    for (const session of this.store.sessions.values())
      if (session.staffId === staffId) await this.revoke(session.id, now);
  }
}

class InMemorySignInFailures extends SignInFailures {
  constructor(private readonly failures: Map<string, FailureRow>) {
    super();
  }
  async reserveAttempt(key: string, now: Date, rule: SignInLockoutRule): Promise<SignInAttempt> {
    const row = this.failures.get(key);
    if (row?.lockedUntil && row.lockedUntil.getTime() > now.getTime()) {
      return { allowed: false, lockedUntil: row.lockedUntil };
    }
    // An ended lockout starts a fresh window, so the first attempt after it does not lock again at once.
    const fresh = !row || row.lockedUntil !== null || now.getTime() - row.windowStartedAt.getTime() >= rule.windowMs;
    const failures = fresh ? 1 : row.failures + 1;
    const lockedUntil = failures >= rule.maxFailures ? new Date(now.getTime() + rule.lockoutMs) : null;
    this.failures.set(key, { failures, windowStartedAt: fresh ? now : row.windowStartedAt, lockedUntil });
    return { allowed: true, lockedUntil };
  }
  async clear(key: string): Promise<void> {
    this.failures.delete(key);
  }
  async lift(key: string, now: Date): Promise<Date | null> {
    const until = this.failures.get(key)?.lockedUntil;
    this.failures.delete(key);
    return until && until.getTime() > now.getTime() ? until : null;
  }
}

class InMemorySetupTokens extends SetupTokens {
  constructor(private readonly store: InMemoryStaffStore) {
    super();
  }
  async add(digest: string, _now: Date, expiresAt: Date): Promise<void> {
    this.store.setupTokens.set(digest, { expiresAt, usedAt: null });
  }
  async consume(digest: string, now: Date): Promise<boolean> {
    const row = this.store.setupTokens.get(digest);
    if (!row || row.usedAt || row.expiresAt.getTime() <= now.getTime()) return false;
    this.store.setupTokens.set(digest, { ...row, usedAt: now });
    return true;
  }
}

class InMemoryAuditTrail extends AuditTrail {
  constructor(private readonly store: InMemoryStaffStore) {
    super();
  }
  async record(entry: AuditEntry): Promise<void> {
    this.store.audit.push(entry);
  }
}

export function inMemoryStaffPorts(store: InMemoryStaffStore) {
  return {
    staff: new InMemoryStaff(store),
    sessions: new InMemorySessions(store),
    signInFailures: new InMemorySignInFailures(store.failures),
    userSignInFailures: new InMemorySignInFailures(store.userFailures),
    setupTokens: new InMemorySetupTokens(store),
    audit: new InMemoryAuditTrail(store),
  };
}
