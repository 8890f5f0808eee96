import { InvalidInput, type FieldProblem } from '../errors/invalid-input.error';
import type { Clock } from '../ports/clock.port';
import type { CommonPasswords } from '../ports/common-passwords.port';
import type { PasswordHasher } from '../ports/password-hasher.port';
import type { RandomSource } from '../ports/random-source.port';
import type { TransactionalPorts, UnitOfWork } from '../ports/unit-of-work.port';
import type { AuditActor } from '../staff/audit-entry';
import { StaffMember } from '../staff/staff-member.entity';
import { requireReason } from '../staff/staff-reason';
import type { StaffRole } from '../staff/staff-role';
import { StaffAddressTaken } from '../staff/staff.errors';
import { Email } from '../users/email.value-object';
import { passwordProblem } from '../users/password-policy';
import { Password } from '../users/password.value-object';

export interface NewStaffMember {
  email: string;
  password: string;
  role: StaffRole;
}

/** Adds an admin or a support member: by an admin in the back office, from the command line, or at first start. */
export class CreateStaffMember {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly hasher: PasswordHasher,
    private readonly random: RandomSource,
    private readonly clock: Clock,
    private readonly commonPasswords: CommonPasswords,
  ) {}

  async execute(input: NewStaffMember & { actor: AuditActor; reason: string }): Promise<StaffMember> {
    const reason = requireReason(input.reason);
    const prepared = await this.prepare(input);
    return this.unitOfWork.run((tx) => this.addWithin(tx, prepared, input.actor, reason));
  }

  /**
   * Validates and hashes outside any transaction: hashing is slow by design. A staff password meets the rules a
   * person signing up meets (length, not a common password, not the address itself): it guards far more.
   */
  async prepare(input: NewStaffMember): Promise<StaffMember> {
    const { email, password } = this.parseCredentials(input);
    return StaffMember.create({
      id: this.random.uuid(),
      email,
      passwordHash: await this.hasher.hash(password),
      role: input.role,
      now: this.clock.now(),
    });
  }

  private parseCredentials(input: NewStaffMember): { email: Email; password: Password } {
    const problems: FieldProblem[] = [];
    const attempt = <T>(parse: () => T): T | undefined => {
      try {
        return parse();
      } catch (error) {
        if (!(error instanceof InvalidInput)) throw error;
        problems.push(...error.problems);
        return undefined;
      }
    };
    const email = attempt(() => Email.parse(input.email));
    const password = attempt(() => Password.parse(input.password));
    const weakness = email && password ? passwordProblem(password, email, this.commonPasswords) : undefined;
    if (weakness) problems.push(weakness);
    if (!email || !password || problems.length) throw new InvalidInput(problems);
    return { email, password };
  }

  async addWithin(
    tx: TransactionalPorts,
    member: StaffMember,
    actor: AuditActor,
    reason: string,
  ): Promise<StaffMember> {
    if (!(await tx.staff.addIfAddressFree(member))) throw new StaffAddressTaken();
    await tx.audit.record({
      id: this.random.uuid(),
      actor,
      action: 'staff.create',
      targetType: 'staff',
      targetId: member.id,
      reason,
      changes: { email: member.email.value, role: member.role },
      at: this.clock.now(),
    });
    return member;
  }
}
