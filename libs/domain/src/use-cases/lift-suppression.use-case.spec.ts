import { AddressSuppressed, NotSuppressed } from '../deliverability/deliverability.errors';
import { Suppression } from '../deliverability/suppression';
import { InvalidInput } from '../errors/invalid-input.error';
import { backOfficeHarness } from '../testing/back-office-harness';

const actor = { id: 'a0000000-0000-4000-8000-000000000001', email: 'support@example.com' };

async function suppressedPending(address = 'gone@example.com') {
  const h = backOfficeHarness();
  await h.register.execute({ email: address, password: 'correct horse battery', locale: 'en' });
  const userId = h.store.userByEmail(address)!.id;
  h.deliverability.suppressions.set(
    address,
    Suppression.restore({
      addressKey: address,
      cause: 'hard_bounce',
      smtpStatus: '5.1.1',
      diagnostic: '550 5.1.1 user unknown',
      since: h.clock.now(),
      until: null,
    }),
  );
  h.clock.advance(60_000);
  return { h, userId };
}

describe('suppressed addresses in the back office', () => {
  it('refuses a resend to a suppressed address with the reason, queuing and auditing nothing', async () => {
    const { h, userId } = await suppressedPending();
    const outboxBefore = h.store.outbox.length;
    const refused = h.resendByStaff.execute({ actor, userId, reason: 'lost the email' });
    await expect(refused).rejects.toThrow(AddressSuppressed);
    await expect(refused).rejects.toMatchObject({ reason: expect.stringContaining('5.1.1') });
    expect(h.store.outbox).toHaveLength(outboxBefore);
    expect(h.staffStore().audit).toHaveLength(0);
  });

  it('bulk resend counts a suppressed address as skipped (and suppressed) and sends to the rest', async () => {
    const { h, userId } = await suppressedPending();
    await h.register.execute({ email: 'fine@example.com', password: 'correct horse battery', locale: 'en' });
    const other = h.store.userByEmail('fine@example.com')!.id;
    h.clock.advance(60_000);
    const result = await h.bulkResend.execute({ actor, userIds: [userId, other], reason: 'outage', filter: {} });
    expect(result).toEqual({ matched: 2, queued: 1, limited: 0, skipped: 1, suppressed: 1 });
  });

  it('a suppression that ran out does not hold a resend back', async () => {
    const { h, userId } = await suppressedPending();
    const timed = Suppression.restore({
      ...h.deliverability.suppressions.get('gone@example.com')!.snapshot(),
      cause: 'soft_bounces',
      until: new Date(h.clock.now().getTime() - 1),
    });
    h.deliverability.suppressions.set('gone@example.com', timed);
    await h.resendByStaff.execute({ actor, userId, reason: 'mailbox fixed' });
  });

  it('lifts a suppression with a reason, audited with what it was; then the resend goes', async () => {
    const { h, userId } = await suppressedPending();
    await expect(h.liftSuppression.execute({ actor, userId, reason: '' })).rejects.toThrow(InvalidInput);
    const lifted = await h.liftSuppression.execute({ actor, userId, reason: 'mailbox recreated, confirmed by phone' });
    expect(lifted).toEqual({ cause: 'hard_bounce', reason: expect.stringContaining('bounced for good') });
    expect(h.deliverability.suppressions.size).toBe(0);
    expect(h.staffStore().audit).toEqual([
      expect.objectContaining({
        action: 'user.suppression_lifted',
        targetType: 'user',
        targetId: userId,
        reason: 'mailbox recreated, confirmed by phone',
        changes: expect.objectContaining({ cause: 'hard_bounce', wasActive: true }),
      }),
    ]);
    await expect(h.liftSuppression.execute({ actor, userId, reason: 'again' })).rejects.toThrow(NotSuppressed);
    await h.resendByStaff.execute({ actor, userId, reason: 'lost the email' });
  });
});
