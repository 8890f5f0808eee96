import { InvalidInput } from '../errors/invalid-input.error';
import { LastAdminRequired, StaffAddressTaken, StaffForbidden, StaffSessionRequired } from '../staff/staff.errors';
import { backOfficeHarness } from '../testing/back-office-harness';

const SYSTEM = { id: null, email: 'test' };
const PASSWORD = 'a long enough password';

async function twoAdmins() {
  const h = backOfficeHarness();
  const first = await h.createStaff.execute({
    email: 'one@example.com',
    password: PASSWORD,
    role: 'admin',
    actor: SYSTEM,
    reason: 'setup',
  });
  const second = await h.createStaff.execute({
    email: 'two@example.com',
    password: PASSWORD,
    role: 'admin',
    actor: SYSTEM,
    reason: 'setup',
  });
  return { h, first, second, actor: { id: first.id, email: 'one@example.com' } };
}

describe('CreateStaffMember and UpdateStaffMember', () => {
  it('refuses a second member with the same address, in any case', async () => {
    const { h } = await twoAdmins();
    await expect(
      h.createStaff.execute({
        email: 'ONE@example.com',
        password: PASSWORD,
        role: 'support',
        actor: SYSTEM,
        reason: 'r',
      }),
    ).rejects.toThrow(StaffAddressTaken);
  });

  it('holds staff passwords to the sign-up rules: length, not a common one, not the address', async () => {
    const { h } = await twoAdmins();
    const create = (email: string, password: string) =>
      h.createStaff.execute({ email, password, role: 'admin', actor: SYSTEM, reason: 'r' });
    const problem = async (email: string, password: string) =>
      create(email, password).then(
        () => 'created',
        (error: unknown) => (error instanceof InvalidInput ? error.problems.map((p) => p.rule) : error),
      );
    expect(await problem('three@example.com', 'sunshine1')).toEqual(['password.common']);
    expect(await problem('three@example.com', 'three@example.com!')).toEqual(['password.contains_email']);
    expect(await problem('three@example.com', 'short')).toEqual(['password.too_short']);
    expect(await problem('not an address', 'short')).toEqual(['email.shape', 'password.too_short']);
    expect(h.staffStore().members.size).toBe(2);
  });

  it('holds the first admin of the setup link to the same rules', async () => {
    const h = backOfficeHarness();
    const outcome = await h.prepareFirstAdmin.execute({});
    if (outcome.kind !== 'setup_link') throw new Error('expected a setup link');
    const weak = h.completeSetup.execute({ secret: outcome.secret, email: 'first@example.com', password: 'iloveyou' });
    await expect(weak).rejects.toThrow(InvalidInput);
    await expect(weak).rejects.toMatchObject({ problems: [expect.objectContaining({ rule: 'password.common' })] });
    await expect(
      h.completeSetup.execute({ secret: outcome.secret, email: 'first@example.com', password: PASSWORD }),
    ).resolves.toMatchObject({ role: 'admin' });
  });

  it('needs a reason, and records it with what changed', async () => {
    const { h, second, actor } = await twoAdmins();
    await expect(h.updateStaff.execute({ actor, staffId: second.id, role: 'support', reason: '  ' })).rejects.toThrow(
      InvalidInput,
    );
    await h.updateStaff.execute({ actor, staffId: second.id, role: 'support', reason: 'moved to the help desk' });
    const entry = h.staffStore().audit.at(-1)!;
    expect(entry).toMatchObject({
      action: 'staff.update',
      targetId: second.id,
      reason: 'moved to the help desk',
      changes: { role: { from: 'admin', to: 'support' } },
      actor,
    });
  });

  it('keeps at least one active admin, and nobody disables themselves', async () => {
    const { h, first, second, actor } = await twoAdmins();
    await h.updateStaff.execute({ actor, staffId: second.id, disabled: true, reason: 'left the company' });
    await expect(h.updateStaff.execute({ actor, staffId: first.id, role: 'support', reason: 'oops' })).rejects.toThrow(
      LastAdminRequired,
    );
    await expect(h.updateStaff.execute({ actor, staffId: first.id, disabled: true, reason: 'oops' })).rejects.toThrow(
      StaffForbidden,
    );
  });

  it("ends a disabled member's sessions at once", async () => {
    const { h, second, actor } = await twoAdmins();
    const session = await h.signIn.execute({ email: 'two@example.com', password: PASSWORD });
    await h.updateStaff.execute({ actor, staffId: second.id, disabled: true, reason: 'left the company' });
    await expect(h.authenticate.execute(session.secret)).rejects.toThrow(StaffSessionRequired);
  });
});

describe('PrepareFirstAdmin and CompleteStaffSetup', () => {
  it('creates the first admin from the configured address and password, once', async () => {
    const h = backOfficeHarness();
    await expect(
      h.prepareFirstAdmin.execute({ adminEmail: 'boss@example.com', adminPassword: PASSWORD }),
    ).resolves.toEqual({
      kind: 'created',
      email: 'boss@example.com',
    });
    await expect(
      h.prepareFirstAdmin.execute({ adminEmail: 'boss@example.com', adminPassword: PASSWORD }),
    ).resolves.toEqual({
      kind: 'staff_exist',
    });
    await expect(h.signIn.execute({ email: 'boss@example.com', password: PASSWORD })).resolves.toBeDefined();
  });

  it('otherwise issues a one-hour setup link that works once', async () => {
    const h = backOfficeHarness();
    const outcome = await h.prepareFirstAdmin.execute({});
    if (outcome.kind !== 'setup_link') throw new Error('expected a setup link');
    expect(outcome.expiresAt.getTime() - h.clock.now().getTime()).toBe(60 * 60_000);
    const admin = await h.completeSetup.execute({
      secret: outcome.secret,
      email: 'first@example.com',
      password: PASSWORD,
    });
    expect(admin.role).toBe('admin');
    await expect(
      h.completeSetup.execute({ secret: outcome.secret, email: 'second@example.com', password: PASSWORD }),
    ).rejects.toThrow('setup link');
  });

  it('refuses an expired setup link', async () => {
    const h = backOfficeHarness();
    const outcome = await h.prepareFirstAdmin.execute({});
    if (outcome.kind !== 'setup_link') throw new Error('expected a setup link');
    h.clock.advance(60 * 60_000);
    await expect(
      h.completeSetup.execute({ secret: outcome.secret, email: 'first@example.com', password: PASSWORD }),
    ).rejects.toThrow('setup link');
    expect(h.staffStore().members.size).toBe(0);
  });
});
