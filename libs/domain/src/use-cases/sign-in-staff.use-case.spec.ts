import { StaffSessionRequired, StaffSignInFailed, StaffSignInLocked } from '../staff/staff.errors';
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
