import type { Clock } from '../ports/clock.port';
import type { TokenDigester } from '../ports/token-digester.port';
import type { UnitOfWork } from '../ports/unit-of-work.port';
import type { StaffMember } from '../staff/staff-member.entity';
import { SetupLinkInvalid } from '../staff/staff.errors';
import type { CreateStaffMember } from './create-staff-member.use-case';

/** The first admin chooses their address and password through the one-time setup link printed at start. */
export class CompleteStaffSetup {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly createStaff: CreateStaffMember,
    private readonly digester: TokenDigester,
    private readonly clock: Clock,
  ) {}

  async execute(input: { secret: string; email: string; password: string }): Promise<StaffMember> {
    if (!input.secret || input.secret.length > 200) throw new SetupLinkInvalid();
    const member = await this.createStaff.prepare({ email: input.email, password: input.password, role: 'admin' });
    return this.unitOfWork.run(async (tx) => {
      const digest = this.digester.digest(`setup:${input.secret}`);
      if ((await tx.staff.count()) > 0 || !(await tx.setupTokens.consume(digest, this.clock.now()))) {
        throw new SetupLinkInvalid();
      }
      return this.createStaff.addWithin(
        tx,
        member,
        { id: null, email: 'setup link' },
        'First admin, from the setup link',
      );
    });
  }
}
