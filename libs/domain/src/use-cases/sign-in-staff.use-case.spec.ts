import { InvalidInput } from '../errors/invalid-input.error';
import { StaffNotFound, StaffSessionRequired, StaffSignInFailed, StaffSignInLocked } from '../staff/staff.errors';
import { backOfficeHarness } from '../testing/back-office-harness';

const SYSTEM = { id: null, email: 'test' };

async function withAdmin() {
  const h = backOfficeHarness();
  const admin = await h.createStaff.execute({
    email: 'Admin@Example.com',
    password: 'a long enough password',
    role: 'admin',
    actor: SYSTEM,
    reason: 'test setup',
  });
  return { h, admin };
}

describe('SignInStaff, AuthenticateStaff and SignOutStaff', () => {
  it('opens a session whose secret is not stored, and finds the member behind it', async () => {
    const { h, admin } = await withAdmin();
    const signedIn = await h.signIn.execute({
      email: 'admin@example.com',
      password: 'a long enough password',
      ip: '10.0.0.1',
    });
    const stored = [...h.staffStore().sessions.values()];
    expect(stored).toHaveLength(1);
    expect(stored[0].digest).not.toContain(signedIn.secret);
    const found = await h.authenticate.execute(signedIn.secret);
    expect(found.member.id).toBe(admin.id);
    expect(h.staffStore().members.get(admin.id)?.lastSignInAt).toEqual(h.clock.now());
    expect(h.staffStore().audit.map((e) => e.action)).toEqual(['staff.create', 'staff.sign_in']);
  });

  it('fails alike for an unknown address, a wrong password, a malformed address and a disabled member', async () => {
    const { h, admin } = await withAdmin();
    await expect(h.signIn.execute({ email: 'nobody@example.com', password: 'whatever it is' })).rejects.toThrow(
      StaffSignInFailed,
    );
    await expect(h.signIn.execute({ email: 'admin@example.com', password: 'not the password' })).rejects.toThrow(
      StaffSignInFailed,
    );
    await expect(h.signIn.execute({ email: 'not an address', password: 'x' })).rejects.toThrow(StaffSignInFailed);
    h.staffStore().members.get(admin.id)!.setDisabled(true, h.clock.now());
    await expect(h.signIn.execute({ email: 'admin@example.com', password: 'a long enough password' })).rejects.toThrow(
      StaffSignInFailed,
    );
  });

  it('locks an address after five failures in 15 minutes, known or not, and lets it in again afterwards', async () => {
    const { h } = await withAdmin();
    for (const address of ['admin@example.com', 'ghost@example.com']) {
      for (let i = 0; i < 4; i += 1) {
        await expect(h.signIn.execute({ email: address, password: 'wrong password' })).rejects.toThrow(
          StaffSignInFailed,
        );
      }
      await expect(h.signIn.execute({ email: address, password: 'wrong password' })).rejects.toThrow(StaffSignInLocked);
    }
    // Even the right password is refused while locked.
    await expect(h.signIn.execute({ email: 'admin@example.com', password: 'a long enough password' })).rejects.toThrow(
      StaffSignInLocked,
    );
    h.clock.advance(15 * 60_000 + 1);
    await expect(
      h.signIn.execute({ email: 'admin@example.com', password: 'a long enough password' }),
    ).resolves.toBeDefined();
  });

  it('counts an attempt before checking its password: once the limit is reached, no password is checked', async () => {
    const { h } = await withAdmin();
    const verify = jest.spyOn(h.hasher, 'verify');
    for (let i = 0; i < 5; i += 1) {
      await h.signIn.execute({ email: 'admin@example.com', password: 'wrong password' }).catch(() => undefined);
    }
    expect(verify).toHaveBeenCalledTimes(5);
    await expect(h.signIn.execute({ email: 'admin@example.com', password: 'wrong password' })).rejects.toThrow(
      StaffSignInLocked,
    );
    expect(verify).toHaveBeenCalledTimes(5);
  });

  it('lets the right password in on the last attempt the window allows, and forgets the attempts', async () => {
    const { h } = await withAdmin();
    for (let i = 0; i < 4; i += 1) {
      await expect(h.signIn.execute({ email: 'admin@example.com', password: 'wrong password' })).rejects.toThrow(
        StaffSignInFailed,
      );
    }
    await expect(
      h.signIn.execute({ email: 'admin@example.com', password: 'a long enough password' }),
    ).resolves.toBeDefined();
    await expect(h.signIn.execute({ email: 'admin@example.com', password: 'wrong password' })).rejects.toThrow(
      StaffSignInFailed,
    );
  });

  it('audits failed sign-ins and the lockout with the address, the client address and the outcome, never the password', async () => {
    const { h, admin } = await withAdmin();
    for (const [email, password] of [
      ['nobody@example.com', 'some password'],
      ['admin@example.com', 'wrong password 0'],
      ['admin@example.com', 'wrong password 1'],
      ['admin@example.com', 'wrong password 2'],
      ['admin@example.com', 'wrong password 3'],
      ['admin@example.com', 'wrong password 4'],
      ['admin@example.com', 'a long enough password'],
    ]) {
      await h.signIn.execute({ email, password, ip: '192.0.2.7' }).catch(() => undefined);
    }
    const entries = h.staffStore().audit.filter((e) => e.action !== 'staff.create');
    const lockedUntil = new Date(h.clock.now().getTime() + 15 * 60_000).toISOString();
    expect(entries.map(({ actor, action, targetId, changes }) => ({ actor, action, targetId, changes }))).toEqual([
      {
        actor: { id: null, email: 'anonymous' },
        action: 'staff.sign_in_failed',
        targetId: null,
        changes: { email: 'nobody@example.com', ip: '192.0.2.7', outcome: 'unknown_address' },
      },
      ...[1, 2, 3, 4].map(() => ({
        actor: { id: null, email: 'anonymous' },
        action: 'staff.sign_in_failed',
        targetId: admin.id,
        changes: { email: 'admin@example.com', ip: '192.0.2.7', outcome: 'wrong_password' },
      })),
      {
        actor: { id: null, email: 'anonymous' },
        action: 'staff.locked_out',
        targetId: admin.id,
        changes: { email: 'admin@example.com', ip: '192.0.2.7', outcome: 'wrong_password', lockedUntil },
      },
      {
        actor: { id: null, email: 'anonymous' },
        action: 'staff.sign_in_failed',
        targetId: admin.id,
        changes: { email: 'admin@example.com', ip: '192.0.2.7', outcome: 'locked', lockedUntil },
      },
    ]);
    expect(JSON.stringify(h.staffStore().audit)).not.toMatch(/wrong password|a long enough password/);
  });

  it('lets an admin lift a lockout, with a reason, audited; lifting none records nothing', async () => {
    const { h, admin } = await withAdmin();
    const actor = { id: admin.id, email: admin.email.value };
    await h.liftLockout.execute({ actor, staffId: admin.id, reason: 'nothing to lift' });
    expect(h.staffStore().audit.map((e) => e.action)).not.toContain('staff.lockout_lifted');
    for (let i = 0; i < 5; i += 1) {
      await h.signIn.execute({ email: 'admin@example.com', password: 'wrong password' }).catch(() => undefined);
    }
    await expect(h.liftLockout.execute({ actor, staffId: admin.id, reason: ' ' })).rejects.toThrow(InvalidInput);
    await h.liftLockout.execute({ actor, staffId: admin.id, reason: 'called from their desk' });
    expect(h.staffStore().audit.at(-1)).toMatchObject({
      actor,
      action: 'staff.lockout_lifted',
      targetType: 'staff',
      targetId: admin.id,
      reason: 'called from their desk',
    });
    await expect(
      h.signIn.execute({ email: 'admin@example.com', password: 'a long enough password' }),
    ).resolves.toBeDefined();
    await expect(
      h.liftLockout.execute({ actor, staffId: '00000000-0000-4000-8000-000000000000', reason: 'x' }),
    ).rejects.toThrow(StaffNotFound);
  });

  it('forgets failures older than the window', async () => {
    const { h } = await withAdmin();
    for (let i = 0; i < 4; i += 1) {
      await expect(h.signIn.execute({ email: 'admin@example.com', password: 'wrong password' })).rejects.toThrow(
        StaffSignInFailed,
      );
    }
    h.clock.advance(15 * 60_000);
    await expect(h.signIn.execute({ email: 'admin@example.com', password: 'wrong password' })).rejects.toThrow(
      StaffSignInFailed,
    );
  });

  it('ends a session after 30 idle minutes, and after 12 hours however busy', async () => {
    const { h } = await withAdmin();
    const idle = await h.signIn.execute({ email: 'admin@example.com', password: 'a long enough password' });
    h.clock.advance(29 * 60_000);
    await h.authenticate.execute(idle.secret);
    h.clock.advance(29 * 60_000);
    await expect(h.authenticate.execute(idle.secret)).resolves.toBeDefined();
    h.clock.advance(30 * 60_000);
    await expect(h.authenticate.execute(idle.secret)).rejects.toThrow(StaffSessionRequired);

    const busy = await h.signIn.execute({ email: 'admin@example.com', password: 'a long enough password' });
    for (let minutes = 0; minutes < 12 * 60 - 20; minutes += 20) {
      h.clock.advance(20 * 60_000);
      await h.authenticate.execute(busy.secret);
    }
    h.clock.advance(20 * 60_000);
    await expect(h.authenticate.execute(busy.secret)).rejects.toThrow(StaffSessionRequired);
  });

  it('revokes on sign-out, and refuses unknown or absent secrets', async () => {
    const { h } = await withAdmin();
    const signedIn = await h.signIn.execute({ email: 'admin@example.com', password: 'a long enough password' });
    await h.signOut.execute(signedIn.secret);
    await expect(h.authenticate.execute(signedIn.secret)).rejects.toThrow(StaffSessionRequired);
    await expect(h.authenticate.execute(undefined)).rejects.toThrow(StaffSessionRequired);
    await expect(h.authenticate.execute('x'.repeat(43))).rejects.toThrow(StaffSessionRequired);
  });
});
