import { ConfirmationToken } from '../confirmation/confirmation-token';
import type { OutgoingEmail } from '../mail/outgoing-email';
import type { Confirmations } from '../ports/confirmations.port';
import type { TransactionalPorts, UnitOfWork } from '../ports/unit-of-work.port';
import { Email } from '../users/email.value-object';
import type { SignUpAttempt } from '../users/sign-up-attempt';
import type { User } from '../users/user.entity';
import { aUser } from './user.factory';

/** What the contract needs of an implementation: the ports, and two things only the storage itself can do. */
export interface RegistrationPortsUnderTest {
  unitOfWork: UnitOfWork;
  /** Reads tokens back: the token repository itself only writes. */
  confirmations: Confirmations;
  /** Marks every email queued to this address as failed for good, as the worker does after its last attempt. */
  failEmailsTo(normalizedAddress: string): Promise<void>;
}

let sequence = 0;
/** A UUID unlike the user factory's, unique within the test file (PostgreSQL wants real UUIDs). */
const anId = () => `20000000-0000-4000-8000-${(++sequence).toString().padStart(12, '0')}`;
const at = (iso: string) => new Date(iso);

function aToken(user: User, overrides: Partial<{ issuedAt: Date; usedAt: Date | null }> = {}): ConfirmationToken {
  const issuedAt = overrides.issuedAt ?? user.createdAt;
  const id = anId();
  return ConfirmationToken.restore({
    id,
    userId: user.id,
    email: user.email.normalized,
    purpose: 'email_confirmation',
    digest: `digest-${id}`,
    issuedAt,
    expiresAt: new Date(issuedAt.getTime() + 86_400_000),
    usedAt: overrides.usedAt ?? null,
    supersededAt: null,
    codeDigest: null,
  });
}

function anEmail(user: User): OutgoingEmail {
  return {
    template: 'confirmation',
    userId: user.id,
    to: user.email,
    locale: 'en',
    data: { token: 'secret', code: '123456', expiresAt: '2030-01-01T00:00:00Z' },
  };
}

function aSignUp(user: User, createdAt: Date, id = anId()): SignUpAttempt {
  return { id, userId: user.id, passwordHash: `hash-${id}`, browserDigest: null, createdAt };
}

/**
 * The behaviour use cases rely on from the user, token, outbox, sign-up and code-attempt ports, run against the
 * in-memory fakes (libs/domain/src/testing) and against the PostgreSQL adapters (libs/infrastructure), so a fake
 * cannot drift from what the database does. Every test uses addresses, ids and times of its own, as the real run
 * shares one database between them.
 */
export function describeRegistrationPortsContract(name: string, subject: () => RegistrationPortsUnderTest): void {
  describe(`${name}: the registration ports' contract`, () => {
    const run = <T>(work: (ports: TransactionalPorts) => Promise<T>) => subject().unitOfWork.run(work);
    const addUsers = (...users: User[]) =>
      run(async ({ users: repository }) => {
        for (const user of users) await repository.addIfAddressFree(user);
      });

    describe('users', () => {
      it('adds one user per normalized address and finds it by any spelling of it', async () => {
        const first = aUser({ email: 'contract-same@example.com' });
        const rival = aUser({ email: 'Contract-Same@EXAMPLE.com' });
        expect(await run(({ users }) => users.addIfAddressFree(first))).toBe(true);
        expect(await run(({ users }) => users.addIfAddressFree(rival))).toBe(false);

        const found = await run(({ users }) => users.findByEmailForUpdate(Email.parse('CONTRACT-SAME@example.com')));
        expect(found?.snapshot()).toEqual(first.snapshot());
        expect(await run(({ users }) => users.findById(rival.id))).toBeNull();
        expect(await run(({ users }) => users.findByEmailForUpdate(Email.parse('nobody-here@example.com')))).toBeNull();
      });

      it('saves what the aggregate decided and reads it back whole', async () => {
        const user = aUser({ email: 'contract-save@example.com' });
        await addUsers(user);
        const later = at('2026-01-02T10:00:00.123Z');
        await run(async ({ users }) => {
          const loaded = await users.findByIdForUpdate(user.id);
          loaded!.confirm(later, 'hashed:the-chosen-password');
          await users.save(loaded!);
        });
        const saved = await run(({ users }) => users.findById(user.id));
        expect(saved?.snapshot()).toEqual({
          ...user.snapshot(),
          status: 'active',
          passwordHash: 'hashed:the-chosen-password',
          confirmedAt: later,
          updatedAt: later,
        });
      });

      it('finds stale pending accounts oldest first, up to the limit, skipping any signed up for since the cutoff', async () => {
        // Years before the other tests' users, so the shared database's other rows stay out of it.
        const newer = aUser({ email: 'contract-stale-2@example.com', createdAt: at('2019-03-01T00:00:00Z') });
        const oldest = aUser({ email: 'contract-stale-1@example.com', createdAt: at('2019-01-01T00:00:00Z') });
        const third = aUser({ email: 'contract-stale-3@example.com', createdAt: at('2019-04-01T00:00:00Z') });
        const active = aUser({
          email: 'contract-stale-a@example.com',
          status: 'active',
          createdAt: at('2018-01-01T00:00:00Z'),
        });
        const signedUpAgain = aUser({ email: 'contract-stale-s@example.com', createdAt: at('2018-06-01T00:00:00Z') });
        await addUsers(newer, oldest, third, active, signedUpAgain);
        await run(({ signUps }) => signUps.add(aSignUp(signedUpAgain, at('2019-07-01T00:00:00Z')), 10));

        const cutoff = at('2019-06-01T00:00:00Z');
        const stale = await run(({ users }) => users.findStalePendingForUpdate(cutoff, 2));
        expect(stale.map((user) => user.id)).toEqual([oldest.id, newer.id]);
        const all = await run(({ users }) => users.findStalePendingForUpdate(cutoff, 10));
        expect(all.map((user) => user.id)).toEqual([oldest.id, newer.id, third.id]);
      });

      it('deletes the account with its tokens, sign-ups and emails', async () => {
        const user = aUser({ email: 'contract-delete@example.com', createdAt: at('2026-02-01T00:00:00Z') });
        const token = aToken(user);
        await run(async (ports) => {
          await ports.users.addIfAddressFree(user);
          await ports.tokens.add(token);
          await ports.signUps.add(aSignUp(user, user.createdAt), 10);
          await ports.outbox.enqueue(anEmail(user), user.createdAt);
        });
        await run(({ users }) => users.delete(user.id));

        expect(await run(({ users }) => users.findById(user.id))).toBeNull();
        expect(await subject().confirmations.findByDigest(token.digest)).toBeNull();
        expect(await run(({ signUps }) => signUps.forUser(user.id))).toEqual([]);
        expect(
          await run(({ outbox }) => outbox.queuedTimesSince(user.email.normalized, at('2000-01-01T00:00:00Z'))),
        ).toEqual([]);
      });

      it('keeps nothing of a unit of work that failed', async () => {
        const user = aUser({ email: 'contract-rollback@example.com' });
        await expect(
          run(async ({ users }) => {
            await users.addIfAddressFree(user);
            throw new Error('the use case changed its mind');
          }),
        ).rejects.toThrow('the use case changed its mind');
        expect(await run(({ users }) => users.findById(user.id))).toBeNull();
      });
    });

    describe('confirmation tokens', () => {
      it('stores a token as issued and supersedes only the outstanding ones', async () => {
        const user = aUser({ email: 'contract-tokens@example.com', createdAt: at('2026-03-01T00:00:00Z') });
        const used = aToken(user, { usedAt: at('2026-03-01T00:05:00Z') });
        const outstanding = aToken(user, { issuedAt: at('2026-03-01T00:10:00Z') });
        await addUsers(user);
        await run(async ({ tokens }) => {
          await tokens.add(used);
          await tokens.add(outstanding);
        });
        const stored = await subject().confirmations.findByDigest(outstanding.digest);
        expect(stored?.token).toEqual(outstanding);
        expect((await subject().confirmations.findOutstandingForAddress(user.email.normalized))?.token.id).toBe(
          outstanding.id,
        );

        const now = at('2026-03-01T00:20:00Z');
        await run(({ tokens }) => tokens.supersedeOutstanding(user.id, now));
        expect((await subject().confirmations.findByDigest(outstanding.digest))?.token.supersededAt).toEqual(now);
        expect((await subject().confirmations.findByDigest(used.digest))?.token.supersededAt).toBeNull();
        expect(await subject().confirmations.findOutstandingForAddress(user.email.normalized)).toBeNull();
      });
    });

    describe('email outbox', () => {
      it('gives the times of emails sent or still trying to one address since a moment, oldest first', async () => {
        const user = aUser({ email: 'Contract-Outbox@Example.com' });
        const other = aUser({ email: 'contract-outbox-other@example.com' });
        await addUsers(user, other);
        const [t1, t2, t3] = ['2026-04-01T00:01:00Z', '2026-04-01T00:02:00Z', '2026-04-01T00:03:00Z'].map(at);
        await run(async ({ outbox }) => {
          await outbox.enqueue(anEmail(user), t3);
          await outbox.enqueue(anEmail(user), t1);
          await outbox.enqueue(anEmail(user), t2);
          await outbox.enqueue(anEmail(other), t3);
        });
        expect(await run(({ outbox }) => outbox.queuedTimesSince('contract-outbox@example.com', t2))).toEqual([t2, t3]);
      });

      it('does not count emails that failed for good', async () => {
        const user = aUser({ email: 'contract-outbox-failed@example.com' });
        await addUsers(user);
        const since = at('2026-04-02T00:00:00Z');
        await run(({ outbox }) => outbox.enqueue(anEmail(user), at('2026-04-02T00:01:00Z')));
        await subject().failEmailsTo(user.email.normalized);
        const later = at('2026-04-02T00:02:00Z');
        await run(({ outbox }) => outbox.enqueue(anEmail(user), later));
        expect(await run(({ outbox }) => outbox.queuedTimesSince(user.email.normalized, since))).toEqual([later]);
      });
    });

    describe('sign-up attempts', () => {
      it("lists an account's sign-ups newest first (by id among equals) and keeps only the newest", async () => {
        const user = aUser({ email: 'contract-signups@example.com' });
        const other = aUser({ email: 'contract-signups-other@example.com' });
        await addUsers(user, other);
        const [t0, t1, t2] = ['2026-05-01T00:00:00Z', '2026-05-01T00:01:00Z', '2026-05-01T00:02:00Z'].map(at);
        const first = aSignUp(user, t1);
        const [low, high] = [anId(), anId()];
        const tiedHigh = aSignUp(user, t2, high);
        const tiedLow = aSignUp(user, t2, low);
        await run(async ({ signUps }) => {
          await signUps.add(first, 10);
          await signUps.add(tiedLow, 10);
          await signUps.add(tiedHigh, 10);
          await signUps.add(aSignUp(other, t1), 10);
        });
        expect(await run(({ signUps }) => signUps.forUser(user.id))).toEqual([tiedHigh, tiedLow, first]);

        // An older sign-up added when only two may stay pushes out itself and the oldest.
        await run(({ signUps }) => signUps.add(aSignUp(user, t0), 2));
        expect(await run(({ signUps }) => signUps.forUser(user.id))).toEqual([tiedHigh, tiedLow]);

        await run(({ signUps }) => signUps.clear(user.id));
        expect(await run(({ signUps }) => signUps.forUser(user.id))).toEqual([]);
        expect(await run(({ signUps }) => signUps.forUser(other.id))).toHaveLength(1);
      });
    });

    describe('code attempts', () => {
      const rule = { maxAttempts: 5, windowMs: 60_000 };
      const start = at('2026-06-01T00:00:00Z');
      const plus = (ms: number) => new Date(start.getTime() + ms);
      const reserve = (address: string, now: Date) =>
        run(({ codeAttempts }) => codeAttempts.reserve(address, now, rule));

      it('numbers the attempts in a window and starts a new window once it has ended', async () => {
        const address = 'contract-codes@example.com';
        expect(await reserve(address, start)).toEqual({ attempt: 1, windowEndsAt: plus(60_000) });
        expect(await reserve(address, plus(1_000))).toEqual({ attempt: 2, windowEndsAt: plus(60_000) });
        expect(await reserve(address, plus(59_999))).toEqual({ attempt: 3, windowEndsAt: plus(60_000) });
        expect(await reserve(address, plus(60_000))).toEqual({ attempt: 1, windowEndsAt: plus(120_000) });
        expect(await reserve('contract-codes-other@example.com', plus(60_000))).toMatchObject({ attempt: 1 });
      });

      it('starts afresh after a right code, and forgets windows that ended', async () => {
        const cleared = 'contract-codes-cleared@example.com';
        await reserve(cleared, start);
        await reserve(cleared, plus(1));
        await run(({ codeAttempts }) => codeAttempts.clear(cleared));
        expect(await reserve(cleared, plus(2))).toMatchObject({ attempt: 1 });

        const old = 'contract-codes-old@example.com';
        const recent = 'contract-codes-recent@example.com';
        await reserve(old, start);
        await reserve(recent, plus(10_000));
        await run(({ codeAttempts }) => codeAttempts.removeEnded(plus(5_000)));
        // Within what would have been the old window: forgotten all the same, so a new window starts now.
        expect(await reserve(old, plus(20_000))).toEqual({ attempt: 1, windowEndsAt: plus(80_000) });
        expect(await reserve(recent, plus(20_000))).toEqual({ attempt: 2, windowEndsAt: plus(70_000) });
      });
    });
  });
}
