import { InvalidInput } from '../errors/invalid-input.error';
import { EMAIL_COOLDOWN_MS, registrationHarness } from '../testing/registration-harness';
import { AddressFolding } from '../users/address-folding';
import { User } from '../users/user.entity';

describe('RegisterUser', () => {
  it('creates a pending user with the hash, a token stored as a digest, and a queued confirmation email', async () => {
    const { store, register, latestLink } = registrationHarness();
    await register.execute({ email: ' Alice@Example.com ', password: 'correct horse', locale: 'en' });

    const user = store.userByEmail('alice@example.com')!;
    expect(user.status).toBe('pending');
    expect(user.email.value).toBe('Alice@Example.com');
    expect(user.passwordHash).toBe('hashed:correct horse');

    const secret = latestLink('Alice@Example.com');
    const [token] = store.tokens.values();
    expect(token.userId).toBe(user.id);
    expect(token.email).toBe('alice@example.com');
    expect(token.digest).not.toContain(secret);
    expect(store.outbox).toHaveLength(1);
    expect(store.outbox[0].email).toMatchObject({
      template: 'confirmation',
      to: { value: 'Alice@Example.com', normalized: 'alice@example.com' },
      userId: user.id,
    });
    expect(store.events).toEqual([
      { type: 'user.registered', userId: user.id, email: 'Alice@Example.com', occurredAt: user.createdAt },
    ]);
  });

  it('opens a new address in one atomic write, and takes a transaction only for an address it knows', async () => {
    const { register, unitOfWork, store } = registrationHarness();
    const transactions = jest.spyOn(unitOfWork, 'run');
    await register.execute({ email: 'new@example.com', password: 'correct horse', locale: 'en' });
    expect(transactions).not.toHaveBeenCalled();
    expect(store.outbox).toHaveLength(1);

    await register.execute({ email: 'NEW@example.com', password: 'another passphrase', locale: 'en' });
    expect(transactions).toHaveBeenCalledTimes(1);
    expect(store.users.size).toBe(1);
    expect(store.signUps.map((signUp) => signUp.passwordHash)).toEqual([
      'hashed:correct horse',
      'hashed:another passphrase',
    ]);
  });

  it('reports every field problem at once and stores nothing', async () => {
    const { store, register } = registrationHarness();
    const attempt = register.execute({ email: 'not-an-address', password: 'short', locale: 'en' });
    await expect(attempt).rejects.toBeInstanceOf(InvalidInput);
    await expect(attempt).rejects.toMatchObject({
      problems: [
        { field: 'email', message: 'Enter an email address like name@example.com.' },
        { field: 'password', message: 'Use at least 8 characters (you typed 5).' },
      ],
    });
    expect(store.users.size).toBe(0);
    expect(store.outbox).toHaveLength(0);
  });

  it.each([
    ['PASSWORD', 'password.common'],
    ['Sunshine1', 'password.common'],
    ['my-gracehopper-2026', 'password.contains_email'],
  ])('refuses the password %j (%s) and stores nothing', async (password, rule) => {
    const { store, register } = registrationHarness();
    await expect(register.execute({ email: 'GraceHopper@example.com', password, locale: 'en' })).rejects.toMatchObject({
      problems: [{ field: 'password', rule }],
    });
    expect(store.users.size).toBe(0);
  });

  it.each(['temp@mailinator.com', 'temp@eu.Mailinator.com'])('refuses the throwaway address %j', async (email) => {
    const { store, register } = registrationHarness();
    await expect(register.execute({ email, password: 'long enough passphrase', locale: 'en' })).rejects.toMatchObject({
      problems: [{ field: 'email', rule: 'email.disposable' }],
    });
    expect(store.users.size).toBe(0);
  });

  it('allows a long passphrase and ignores a local part too short to mean anything', async () => {
    const { store, register } = registrationHarness();
    await register.execute({ email: 'jo@example.com', password: 'jolly good horse staple', locale: 'en' });
    expect(store.users.size).toBe(1);
  });

  it('keeps a second sign-up of a pending address beside the first: one account, new link, old link void', async () => {
    const { store, clock, register, latestLink, confirm } = registrationHarness();
    await register.execute({ email: 'bob@example.com', password: 'stranger-password', locale: 'en' });
    const firstLink = latestLink('bob@example.com');
    clock.advance(EMAIL_COOLDOWN_MS);
    await register.execute({ email: 'BOB@example.com', password: 'owner-password', locale: 'en' });

    expect(store.users.size).toBe(1);
    expect(store.userByEmail('bob@example.com')!.passwordHash).toBe('hashed:stranger-password');
    expect(store.signUps).toHaveLength(2);
    expect(store.outbox).toHaveLength(2);
    await expect(confirm.execute({ token: firstLink })).rejects.toMatchObject({ code: 'CONFIRMATION.TOKEN_INVALID' });
    await expect(
      confirm.execute({ token: latestLink('bob@example.com'), password: 'owner-password' }),
    ).resolves.toMatchObject({ status: 'confirmed' });
    expect(store.userByEmail('bob@example.com')!.passwordHash).toBe('hashed:owner-password');
    expect(store.signUps).toEqual([]);
  });

  it('sends an active account a notice instead of a link, and leaves its password alone', async () => {
    const { store, clock, register, confirm, latestLink } = registrationHarness();
    await register.execute({ email: 'carol@example.com', password: 'original-password', locale: 'en' });
    await confirm.execute({ token: latestLink('carol@example.com') });
    clock.advance(EMAIL_COOLDOWN_MS);
    await register.execute({ email: 'carol@example.com', password: 'attacker-password', locale: 'en' });

    expect(store.userByEmail('carol@example.com')!.passwordHash).toBe('hashed:original-password');
    expect(store.outbox.map((queued) => queued.email.template)).toEqual(['confirmation', 'already-registered']);
  });

  it('sends nothing more to one address within the cooldown', async () => {
    const { store, clock, register } = registrationHarness();
    await register.execute({ email: 'dan@example.com', password: 'password-one', locale: 'en' });
    clock.advance(EMAIL_COOLDOWN_MS - 1);
    await register.execute({ email: 'dan@example.com', password: 'password-two', locale: 'en' });
    expect(store.outbox).toHaveLength(1);
    clock.advance(1);
    await register.execute({ email: 'dan@example.com', password: 'password-three', locale: 'en' });
    expect(store.outbox).toHaveLength(2);
  });

  it('hashes the password on every path, so a known address takes as long as a new one', async () => {
    const { register, hasher } = registrationHarness();
    const hash = jest.spyOn(hasher, 'hash');
    await register.execute({ email: 'erin@example.com', password: 'password-one', locale: 'en' });
    await register.execute({ email: 'erin@example.com', password: 'password-two', locale: 'en' });
    expect(hash).toHaveBeenCalledTimes(2);
  });

  it('gives a disabled account nothing at all', async () => {
    const { store, register } = registrationHarness();
    await register.execute({ email: 'frank@example.com', password: 'password-one', locale: 'en' });
    const user = store.userByEmail('frank@example.com')!;
    store.users.set(user.id, User.restore({ ...user.snapshot(), status: 'disabled' }));
    store.outbox = [];
    await register.execute({ email: 'frank@example.com', password: 'password-two', locale: 'en' });
    expect(store.outbox).toHaveLength(0);
    expect(store.userByEmail('frank@example.com')!.status).toBe('disabled');
  });
});

describe('RegisterUser with address folding', () => {
  const folding = new AddressFolding({ plusTags: true, dotInsensitiveDomains: ['gmail.com'] });

  it('treats the folded variants of one mailbox as one account and writes to the address first typed', async () => {
    const { store, clock, register, resend } = registrationHarness({ folding });
    await register.execute({ email: 'Jane.Doe+shop@gmail.com', password: 'first password', locale: 'en' });
    clock.advance(EMAIL_COOLDOWN_MS);
    await register.execute({ email: 'janedoe@gmail.com', password: 'second password', locale: 'en' });
    clock.advance(EMAIL_COOLDOWN_MS);
    await resend.execute({ email: 'j.a.n.e.doe+other@gmail.com' });

    expect(store.users.size).toBe(1);
    const [user] = store.users.values();
    expect(user.email.value).toBe('Jane.Doe+shop@gmail.com');
    expect(user.email.normalized).toBe('janedoe@gmail.com');
    expect(store.signUps.map((signUp) => signUp.passwordHash)).toEqual([
      'hashed:first password',
      'hashed:second password',
    ]);
    expect(store.outbox.map((queued) => queued.email.to.value)).toEqual([
      'Jane.Doe+shop@gmail.com',
      'Jane.Doe+shop@gmail.com',
      'Jane.Doe+shop@gmail.com',
    ]);
  });

  it('keeps variants apart when folding is off', async () => {
    const { store, register } = registrationHarness();
    await register.execute({ email: 'jane+shop@example.com', password: 'first password', locale: 'en' });
    await register.execute({ email: 'jane@example.com', password: 'second password', locale: 'en' });
    expect(store.users.size).toBe(2);
  });

  it('finds the account by a folded variant when confirming with a code', async () => {
    const { store, register, confirmWithCode, latestCode } = registrationHarness({ folding });
    await register.execute({ email: 'jane+shop@example.com', password: 'first password', locale: 'en' });
    await confirmWithCode.execute({ email: 'jane@example.com', code: latestCode('jane+shop@example.com') });
    expect([...store.users.values()][0].status).toBe('active');
  });
});
