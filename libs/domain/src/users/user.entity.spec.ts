import { aUser } from '../testing/user.factory';
import { Email } from './email.value-object';
import { User } from './user.entity';
import { UserDisabled, UserStateConflict } from './user.errors';

const now = new Date('2026-02-01T10:00:00Z');

describe('User', () => {
  it('registers as pending with its times set', () => {
    const user = User.register({ id: 'u1', email: Email.parse('a@example.com'), passwordHash: 'h', locale: 'en', now });
    expect(user.status).toBe('pending');
    expect(user.createdAt).toEqual(now);
    expect(user.updatedAt).toEqual(now);
    expect(user.confirmedAt).toBeNull();
  });

  it('confirms a pending account once, then reports it already confirmed', () => {
    const user = aUser({ status: 'pending' });
    expect(user.confirm(now)).toBe('confirmed');
    expect(user.status).toBe('active');
    expect(user.confirmedAt).toEqual(now);
    expect(user.confirm(new Date(now.getTime() + 1000))).toBe('already_confirmed');
    expect(user.confirmedAt).toEqual(now);
  });

  it('never lets a confirmation re-activate a disabled account', () => {
    const user = aUser({ status: 'disabled' });
    expect(() => user.confirm(now)).toThrow(UserDisabled);
    expect(user.status).toBe('disabled');
  });

  it('takes the password of the sign-up the confirmer showed was theirs, and only when it becomes active', () => {
    const pending = aUser({ status: 'pending', passwordHash: 'hashed:first' });
    expect(pending.confirm(now, 'hashed:owner')).toBe('confirmed');
    expect(pending.passwordHash).toBe('hashed:owner');
    const active = aUser({ status: 'active', passwordHash: 'hashed:kept' });
    expect(active.confirm(now, 'hashed:other')).toBe('already_confirmed');
    expect(active.passwordHash).toBe('hashed:kept');
    const unchosen = aUser({ status: 'pending', passwordHash: 'hashed:only' });
    unchosen.confirm(now);
    expect(unchosen.passwordHash).toBe('hashed:only');
  });

  it('lets staff confirm or send a link only while the account waits for its confirmation', () => {
    const pending = aUser({ status: 'pending' });
    pending.confirmByStaff(now);
    expect(pending.status).toBe('active');
    expect(() => aUser({ status: 'active' }).confirmByStaff(now)).toThrow('already confirmed');
    expect(() => aUser({ status: 'disabled' }).confirmByStaff(now)).toThrow('disabled');
    expect(() => aUser({ status: 'active' }).assertAwaitingConfirmation('sending it a link')).toThrow(
      UserStateConflict,
    );
    expect(() => aUser({ status: 'pending' }).assertAwaitingConfirmation('sending it a link')).not.toThrow();
  });

  it('moves its version, and nothing else, when its pending address is signed up again', () => {
    const pending = aUser({ status: 'pending' });
    const before = pending.snapshot();
    pending.signedUpAgain(new Date(now.getTime() + 5000));
    expect(pending.snapshot()).toEqual({ ...before, updatedAt: new Date(now.getTime() + 5000) });
    expect(() => aUser({ status: 'active' }).signedUpAgain(now)).toThrow();
  });
});
