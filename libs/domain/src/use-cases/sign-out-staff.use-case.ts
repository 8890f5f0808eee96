import type { Clock } from '../ports/clock.port';
import type { TokenDigester } from '../ports/token-digester.port';
import type { UnitOfWork } from '../ports/unit-of-work.port';

/** Ends the session on the server, so the cookie is worthless even if it was copied. */
export class SignOutStaff {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly digester: TokenDigester,
    private readonly clock: Clock,
  ) {}

  async execute(secret: string | undefined): Promise<void> {
    if (!secret || secret.length > 200) return;
    const now = this.clock.now();
    await this.unitOfWork.run(async (tx) => {
      const session = await tx.sessions.findByDigest(this.digester.digest(secret));
      if (session && !session.revokedAt) await tx.sessions.revoke(session.id, now);
    });
  }
}
