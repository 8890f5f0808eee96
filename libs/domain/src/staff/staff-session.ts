/** How long a back-office session lives: it ends after a quiet spell, and at the latest after a fixed time. */
export interface StaffSessionPolicy {
  idleTimeoutMs: number;
  absoluteLifetimeMs: number;
}

export const DEFAULT_STAFF_SESSION_POLICY: StaffSessionPolicy = {
  idleTimeoutMs: 30 * 60_000,
  absoluteLifetimeMs: 12 * 60 * 60_000,
};

export interface StaffSession {
  id: string;
  staffId: string;
  /** The keyed digest of the cookie's secret; the secret itself is never stored. */
  digest: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  ip: string | null;
  userAgent: string | null;
}

export function sessionIsLive(session: StaffSession, now: Date, policy: StaffSessionPolicy): boolean {
  return (
    session.revokedAt === null &&
    now.getTime() < session.expiresAt.getTime() &&
    now.getTime() - session.lastSeenAt.getTime() < policy.idleTimeoutMs
  );
}
