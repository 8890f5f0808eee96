import { encodeTokenSecret, TOKEN_SECRET_BYTES } from '../confirmation/token-secret';
import type { Clock } from '../ports/clock.port';
import type { RandomSource } from '../ports/random-source.port';
import type { TokenDigester } from '../ports/token-digester.port';
import type { UnitOfWork } from '../ports/unit-of-work.port';
import type { CreateStaffMember } from './create-staff-member.use-case';

export const SETUP_LINK_LIFETIME_MS = 60 * 60_000;

export type FirstAdminOutcome =
  | { kind: 'staff_exist' }
  | { kind: 'created'; email: string }
  | { kind: 'setup_link'; secret: string; expiresAt: Date };

/**
 * Runs at start. With no staff at all, creates the first admin from the configured address and password, or
 * else issues a one-time setup link (valid for an hour) so whoever started Gatehouse can choose them.
 */
export class PrepareFirstAdmin {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly createStaff: CreateStaffMember,
    private readonly digester: TokenDigester,
    private readonly random: RandomSource,
    private readonly clock: Clock,
  ) {}

  async execute(input: { adminEmail?: string; adminPassword?: string }): Promise<FirstAdminOutcome> {
    if ((await this.unitOfWork.run((tx) => tx.staff.count())) > 0) return { kind: 'staff_exist' };
    if (input.adminEmail && input.adminPassword) {
      const member = await this.createStaff.prepare({
        email: input.adminEmail,
        password: input.adminPassword,
        role: 'admin',
      });
      const created = await this.unitOfWork.run(async (tx) => {
        // Several instances may start together: only one creates the admin, the others see it.
        if ((await tx.staff.count()) > 0 || !(await tx.staff.addIfAddressFree(member))) return false;
        await tx.audit.record({
          id: this.random.uuid(),
          actor: { id: null, email: 'ADMIN_EMAIL at start' },
          action: 'staff.create',
          targetType: 'staff',
          targetId: member.id,
          reason: 'First admin, from ADMIN_EMAIL and ADMIN_PASSWORD',
          changes: { email: member.email.value, role: member.role },
          at: this.clock.now(),
        });
        return true;
      });
      return created ? { kind: 'created', email: member.email.value } : { kind: 'staff_exist' };
    }
    const now = this.clock.now();
    const secret = encodeTokenSecret(this.random.bytes(TOKEN_SECRET_BYTES));
    const expiresAt = new Date(now.getTime() + SETUP_LINK_LIFETIME_MS);
    await this.unitOfWork.run((tx) => tx.setupTokens.add(this.digester.digest(`setup:${secret}`), now, expiresAt));
    return { kind: 'setup_link', secret, expiresAt };
  }
}
