import { InvalidInput } from '../errors/invalid-input.error';
import { backOfficeHarness } from '../testing/back-office-harness';
import { UserNotFound, UserStateConflict } from '../users/user.errors';
import { ResendNotYetAllowed } from './staff.errors';

const actor = { id: 'a0000000-0000-4000-8000-000000000001', email: 'admin@example.com' };
const PASSWORD = 'correct horse battery';

async function withPending(address = 'person@example.com') {
  const h = backOfficeHarness();
  await h.register.execute({ email: address, password: PASSWORD, locale: 'en' });
  const user = h.store.userByEmail(address)!;
  return { h, userId: user.id };
}

describe('staff actions on one account', () => {
  it('every action needs a reason, and writes nothing without one', async () => {
    const { h, userId } = await withPending();
    await expect(h.disableUser.execute({ actor, userId, reason: '' })).rejects.toThrow(InvalidInput);
    expect(h.store.users.get(userId)?.status).toBe('pending');
    expect(h.staffStore().audit).toHaveLength(0);
  });

  it('confirms by hand: active, old links void, user.confirmed published, audited', async () => {
    const { h, userId } = await withPending();
    const link = h.latestLink('person@example.com');
    await h.confirmUser.execute({ actor, userId, reason: 'confirmed on the phone' });
    expect(h.store.users.get(userId)?.status).toBe('active');
    expect([...h.store.tokens.values()].every((t) => t.supersededAt)).toBe(true);
    expect(h.store.events.map((e) => e.type)).toContain('user.confirmed');
    expect(h.staffStore().audit[0]).toMatchObject({
      action: 'user.confirm',
      targetType: 'user',
      targetId: userId,
      reason: 'confirmed on the phone',
      changes: { status: { from: 'pending', to: 'active' } },
    });
    await expect(h.confirm.execute({ token: link })).rejects.toThrow();
    await expect(h.confirmUser.execute({ actor, userId, reason: 'again' })).rejects.toThrow(UserStateConflict);
  });

  it('disables (links stop working, user.disabled published) and enables back to where it was', async () => {
    const { h, userId } = await withPending();
    const link = h.latestLink('person@example.com');
    await h.disableUser.execute({ actor, userId, reason: 'abuse report' });
    expect(h.store.users.get(userId)?.status).toBe('disabled');
    expect(h.store.events.map((e) => e.type)).toContain('user.disabled');
    await expect(h.confirm.execute({ token: link })).rejects.toThrow();
    await expect(h.confirmUser.execute({ actor, userId, reason: 'no' })).rejects.toThrow(UserStateConflict);
    await h.enableUser.execute({ actor, userId, reason: 'report was wrong' });
    expect(h.store.users.get(userId)?.status).toBe('pending');
    expect(h.staffStore().audit.map((e) => e.action)).toEqual(['user.disable', 'user.enable']);
    await expect(h.enableUser.execute({ actor, userId, reason: 'twice' })).rejects.toThrow(UserStateConflict);
  });

  it('deletes the person and their data, keeping only the record that it happened', async () => {
    const { h, userId } = await withPending();
    await h.deleteUser.execute({ actor, userId, reason: 'asked to be forgotten' });
    expect(h.store.users.has(userId)).toBe(false);
    expect([...h.store.tokens.values()].filter((t) => t.userId === userId)).toHaveLength(0);
    expect(h.store.outbox.filter((q) => q.email.userId === userId)).toHaveLength(0);
    expect(h.store.events.at(-1)).toMatchObject({ type: 'user.deleted', userId });
    expect(JSON.stringify(h.staffStore().audit)).not.toContain('person@example.com');
    await expect(h.deleteUser.execute({ actor, userId, reason: 'again' })).rejects.toThrow(UserNotFound);
  });

  it('resends within the per-address limits and says when the next email may go', async () => {
    const { h, userId } = await withPending();
    await expect(h.resendByStaff.execute({ actor, userId, reason: 'lost the email' })).rejects.toThrow(
      ResendNotYetAllowed,
    );
    h.clock.advance(60_000);
    await h.resendByStaff.execute({ actor, userId, reason: 'lost the email' });
    expect(h.store.outbox.filter((q) => q.email.template === 'confirmation')).toHaveLength(2);
    expect(h.staffStore().audit).toHaveLength(1);
    await h.confirmUser.execute({ actor, userId, reason: 'done' });
    await expect(h.resendByStaff.execute({ actor, userId, reason: 'x' })).rejects.toThrow(UserStateConflict);
  });

  it('bulk resend sends to those still pending, skips the rest, and audits each send and the run', async () => {
    const h = backOfficeHarness();
    for (const address of ['a@example.com', 'b@example.com', 'c@example.com']) {
      await h.register.execute({ email: address, password: PASSWORD, locale: 'en' });
    }
    const ids = ['a@example.com', 'b@example.com', 'c@example.com'].map((a) => h.store.userByEmail(a)!.id);
    await h.confirmUser.execute({ actor, userId: ids[2], reason: 'phone' });
    h.clock.advance(60_000);
    const result = await h.bulkResend.execute({
      actor,
      userIds: ids,
      reason: 'SMTP outage',
      filter: { status: 'pending' },
    });
    expect(result).toEqual({ matched: 3, queued: 2, limited: 0, skipped: 1, suppressed: 0 });
    const actions = h.staffStore().audit.map((e) => e.action);
    expect(actions.filter((a) => a === 'user.resend_confirmation')).toHaveLength(2);
    expect(h.staffStore().audit.at(-1)).toMatchObject({
      action: 'users.bulk_resend',
      changes: { filter: { status: 'pending' }, queued: 2, skipped: 1 },
    });
  });

  it('records an export with its filter, its reason and what was delivered', async () => {
    const h = backOfficeHarness();
    await h.recordExport.execute({
      actor,
      filter: { status: 'active' },
      reason: 'quarterly report',
      rows: 12,
      complete: false,
    });
    expect(h.staffStore().audit[0]).toEqual(
      expect.objectContaining({
        action: 'users.export',
        changes: { filter: { status: 'active' }, rows: 12, complete: false },
      }),
    );
  });
});
