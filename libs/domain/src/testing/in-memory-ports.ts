import type { ConfirmationToken } from '../confirmation/confirmation-token';
import type { OutgoingEmail } from '../mail/outgoing-email';
import { Clock } from '../ports/clock.port';
import { CommonPasswords } from '../ports/common-passwords.port';
import { DisposableDomains } from '../ports/disposable-domains.port';
import type { ConfirmationCase, ConfirmationDecision } from '../confirmation/confirmation-case';
import { Confirmations } from '../ports/confirmations.port';
import { CodeAttempts, type CodeAttempt, type CodeAttemptRule } from '../ports/code-attempts.port';
import { ConfirmationTokenRepository } from '../ports/confirmation-token.repository.port';
import { SignUpAttempts } from '../ports/sign-up-attempts.port';
import { SignInSessions } from '../ports/sign-in-sessions.port';
import type { UserEvent } from '../events/user-event';
import { EmailOutbox } from '../ports/email-outbox.port';
import { EventOutbox } from '../ports/event-outbox.port';
import { NewAccounts, type NewAccount } from '../ports/new-accounts.port';
import { PasswordHasher } from '../ports/password-hasher.port';
import { RandomSource } from '../ports/random-source.port';
import { RegistrationMetrics } from '../ports/registration-metrics.port';
import { TokenDigester } from '../ports/token-digester.port';
import { UnitOfWork, type TransactionalPorts } from '../ports/unit-of-work.port';
import { UserRepository } from '../ports/user.repository.port';
import { Email } from '../users/email.value-object';
import type { Password } from '../users/password.value-object';
import type { SignUpAttempt } from '../users/sign-up-attempt';
import { User } from '../users/user.entity';
import { ConfirmationToken as Token } from '../confirmation/confirmation-token';
import { InMemoryStaffStore, inMemoryStaffPorts } from './in-memory-staff-ports';

// Fakes of the ports for use-case specs: same contracts as the PostgreSQL adapters, kept in memory.

export interface QueuedEmail {
  email: OutgoingEmail;
  queuedAt: Date;
  /** Set by a spec for an email the worker gave up on (state `failed`): it no longer counts against the limits. */
  failed?: boolean;
}

export class InMemoryStore {
  users = new Map<string, User>();
  tokens = new Map<string, ConfirmationToken>();
  signUps: SignUpAttempt[] = [];
  codeAttempts = new Map<string, { attempts: number; windowStartedAt: Date }>();
  outbox: QueuedEmail[] = [];
  events: UserEvent[] = [];
  staff = new InMemoryStaffStore();
  /** Accounts whose provider sessions and tokens were ended, in order. */
  endedSignIns: string[] = [];

  clone(): InMemoryStore {
    const copy = new InMemoryStore();
    for (const [id, user] of this.users) copy.users.set(id, User.restore(user.snapshot()));
    for (const [id, token] of this.tokens) copy.tokens.set(id, Token.restore(token.snapshot()));
    copy.signUps = [...this.signUps];
    copy.codeAttempts = new Map(this.codeAttempts);
    copy.outbox = [...this.outbox];
    copy.events = [...this.events];
    copy.staff = this.staff.clone();
    copy.endedSignIns = [...this.endedSignIns];
    return copy;
  }

  userByEmail(raw: string): User | undefined {
    return this.userByKey(Email.normalize(raw));
  }

  /** The user stored under this uniqueness key (the normalized, possibly folded, address). */
  userByKey(normalized: string): User | undefined {
    return [...this.users.values()].find((user) => user.email.normalized === normalized);
  }
}

class InMemoryUsers extends UserRepository {
  constructor(private readonly store: InMemoryStore) {
    super();
  }
  async addIfAddressFree(user: User): Promise<boolean> {
    if (this.store.userByKey(user.email.normalized)) return false;
    this.store.users.set(user.id, User.restore(user.snapshot()));
    return true;
  }
  async findByEmailForUpdate(email: Email): Promise<User | null> {
    const found = this.store.userByKey(email.normalized);
    return found ? User.restore(found.snapshot()) : null;
  }
  async findById(id: string): Promise<User | null> {
    const found = this.store.users.get(id);
    return found ? User.restore(found.snapshot()) : null;
  }
  findByIdForUpdate(id: string): Promise<User | null> {
    return this.findById(id);
  }
  async save(user: User): Promise<void> {
    this.store.users.set(user.id, User.restore(user.snapshot()));
  }
  async findStalePendingForUpdate(cutoff: Date, limit: number): Promise<User[]> {
    const signedUpSince = (user: User) =>
      this.store.signUps.some((s) => s.userId === user.id && s.createdAt.getTime() >= cutoff.getTime());
    return [...this.store.users.values()]
      .filter((user) => user.isPending && user.createdAt.getTime() < cutoff.getTime() && !signedUpSince(user))
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .slice(0, limit)
      .map((user) => User.restore(user.snapshot()));
  }
  async delete(userId: string): Promise<void> {
    this.store.users.delete(userId);
    for (const [id, token] of this.store.tokens) if (token.userId === userId) this.store.tokens.delete(id);
    this.store.signUps = this.store.signUps.filter((signUp) => signUp.userId !== userId);
    this.store.outbox = this.store.outbox.filter((queued) => queued.email.userId !== userId);
  }
}

class InMemoryTokens extends ConfirmationTokenRepository {
  constructor(private readonly store: InMemoryStore) {
    super();
  }
  async add(token: ConfirmationToken): Promise<void> {
    this.store.tokens.set(token.id, token);
  }
  async supersedeOutstanding(userId: string, now: Date): Promise<void> {
    for (const [id, token] of this.store.tokens) {
      if (token.userId === userId && !token.usedAt && !token.supersededAt) {
        this.store.tokens.set(id, Token.restore({ ...token.snapshot(), supersededAt: now }));
      }
    }
  }
}

/** As the database orders them: newest first, and by id, highest first, among sign-ups of the same moment. */
function newestSignUpFirst(a: SignUpAttempt, b: SignUpAttempt): number {
  return b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

class InMemorySignUps extends SignUpAttempts {
  constructor(private readonly store: InMemoryStore) {
    super();
  }
  async add(attempt: SignUpAttempt, keepNewest: number): Promise<void> {
    this.store.signUps.push(attempt);
    const mine = await this.forUser(attempt.userId);
    const dropped = new Set(mine.slice(keepNewest).map((signUp) => signUp.id));
    this.store.signUps = this.store.signUps.filter((signUp) => !dropped.has(signUp.id));
  }
  async forUser(userId: string): Promise<SignUpAttempt[]> {
    return this.store.signUps.filter((signUp) => signUp.userId === userId).sort(newestSignUpFirst);
  }
  async clear(userId: string): Promise<void> {
    this.store.signUps = this.store.signUps.filter((signUp) => signUp.userId !== userId);
  }
}

class InMemoryCodeAttempts extends CodeAttempts {
  constructor(private readonly store: InMemoryStore) {
    super();
  }
  async reserve(address: string, now: Date, rule: CodeAttemptRule): Promise<CodeAttempt> {
    const current = this.store.codeAttempts.get(address);
    const fresh = !current || now.getTime() - current.windowStartedAt.getTime() >= rule.windowMs;
    const next = fresh ? { attempts: 1, windowStartedAt: now } : { ...current, attempts: current.attempts + 1 };
    this.store.codeAttempts.set(address, next);
    return { attempt: next.attempts, windowEndsAt: new Date(next.windowStartedAt.getTime() + rule.windowMs) };
  }
  async clear(address: string): Promise<void> {
    this.store.codeAttempts.delete(address);
  }
  async removeEnded(before: Date): Promise<void> {
    for (const [address, entry] of this.store.codeAttempts) {
      if (entry.windowStartedAt.getTime() < before.getTime()) this.store.codeAttempts.delete(address);
    }
  }
}

class InMemoryOutbox extends EmailOutbox {
  constructor(private readonly store: InMemoryStore) {
    super();
  }
  async enqueue(email: OutgoingEmail, now: Date): Promise<void> {
    this.store.outbox.push({ email, queuedAt: now });
  }
  async queuedTimesSince(normalizedAddress: string, since: Date): Promise<Date[]> {
    return this.store.outbox
      .filter((queued) => queued.email.to.normalized === normalizedAddress && !queued.failed)
      .map((queued) => queued.queuedAt)
      .filter((queuedAt) => queuedAt.getTime() >= since.getTime())
      .sort((a, b) => a.getTime() - b.getTime());
  }
}

class InMemoryEvents extends EventOutbox {
  constructor(private readonly store: InMemoryStore) {
    super();
  }
  async publish(event: UserEvent): Promise<void> {
    this.store.events.push(event);
  }
}

/** The guards of the real statement: the token unused and not superseded, the account as it was read. */
export class InMemoryConfirmations extends Confirmations {
  constructor(private readonly store: InMemoryStore) {
    super();
  }
  async findByDigest(digest: string): Promise<ConfirmationCase | null> {
    const token = [...this.store.tokens.values()].find((candidate) => candidate.digest === digest);
    return token ? this.caseOf(token) : null;
  }
  async findOutstandingForAddress(normalizedAddress: string): Promise<ConfirmationCase | null> {
    const user = this.store.userByKey(normalizedAddress);
    const token = [...this.store.tokens.values()]
      .filter((candidate) => candidate.userId === user?.id && !candidate.usedAt && !candidate.supersededAt)
      .sort((a, b) => b.issuedAt.getTime() - a.issuedAt.getTime())[0];
    return token ? this.caseOf(token) : null;
  }
  async apply({ token, user, seen, event }: ConfirmationDecision): Promise<boolean> {
    const stored = this.store.tokens.get(token.id);
    const account = this.store.users.get(user.id);
    if (!stored || stored.usedAt || stored.supersededAt || !account) return false;
    if (account.status !== seen.status || account.updatedAt.getTime() !== seen.updatedAt.getTime()) return false;
    this.store.users.set(user.id, User.restore(user.snapshot()));
    this.store.tokens.set(token.id, Token.restore(token.snapshot()));
    for (const [id, other] of this.store.tokens) {
      if (other.userId === user.id && id !== token.id && !other.usedAt && !other.supersededAt) {
        this.store.tokens.set(id, Token.restore({ ...other.snapshot(), supersededAt: token.usedAt }));
      }
    }
    this.store.signUps = this.store.signUps.filter((signUp) => signUp.userId !== user.id);
    if (event) this.store.events.push(event);
    return true;
  }
  private caseOf(token: ConfirmationToken): ConfirmationCase | null {
    const user = this.store.users.get(token.userId);
    if (!user) return null;
    const signUps = user.isPending
      ? this.store.signUps.filter((signUp) => signUp.userId === user.id).sort(newestSignUpFirst)
      : [];
    return { token: Token.restore(token.snapshot()), user: User.restore(user.snapshot()), signUps };
  }
}

export class InMemoryNewAccounts extends NewAccounts {
  constructor(private readonly store: InMemoryStore) {
    super();
  }
  async addIfAddressFree(account: NewAccount): Promise<boolean> {
    if (this.store.userByKey(account.user.email.normalized)) return false;
    this.store.users.set(account.user.id, User.restore(account.user.snapshot()));
    this.store.signUps.push(account.signUp);
    this.store.tokens.set(account.token.id, account.token);
    this.store.outbox.push({ email: account.email, queuedAt: account.user.createdAt });
    this.store.events.push(account.event);
    return true;
  }
}

class InMemorySignInSessions extends SignInSessions {
  constructor(private readonly store: InMemoryStore) {
    super();
  }
  async endAllFor(userId: string): Promise<number> {
    this.store.endedSignIns.push(userId);
    return 0;
  }
}

/** Commits by swapping in the work's copy of the store, so a failed use case leaves nothing behind. */
export class InMemoryUnitOfWork extends UnitOfWork {
  constructor(public store: InMemoryStore) {
    super();
  }
  async run<T>(work: (ports: TransactionalPorts) => Promise<T>): Promise<T> {
    const draft = this.store.clone();
    const result = await work({
      users: new InMemoryUsers(draft),
      tokens: new InMemoryTokens(draft),
      signUps: new InMemorySignUps(draft),
      codeAttempts: new InMemoryCodeAttempts(draft),
      outbox: new InMemoryOutbox(draft),
      events: new InMemoryEvents(draft),
      ...inMemoryStaffPorts(draft.staff),
      signInSessions: new InMemorySignInSessions(draft),
    });
    Object.assign(this.store, draft);
    return result;
  }
}

export class FixedClock extends Clock {
  constructor(private current = new Date('2026-01-01T00:00:00Z')) {
    super();
  }
  now(): Date {
    return new Date(this.current.getTime());
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** Deterministic "randomness": each call returns the next counter value, so tests can predict secrets. */
export class CountingRandom extends RandomSource {
  private counter = 0;
  bytes(count: number): Uint8Array {
    this.counter += 1;
    return new Uint8Array(count).fill(this.counter % 256);
  }
  uuid(): string {
    this.counter += 1;
    return `00000000-0000-4000-8000-${this.counter.toString().padStart(12, '0')}`;
  }
}

/** `hashed:<password>`; `old-hashed:<password>` stands for a hash made with older parameters (needsRehash). */
export class PlainTextHasher extends PasswordHasher {
  /** How many times verify ran, for specs that check every path hashes. */
  verifications = 0;
  async hash(password: Password): Promise<string> {
    return `hashed:${password.value}`;
  }
  async verify(hash: string, password: Password): Promise<boolean> {
    this.verifications += 1;
    return hash === `hashed:${password.value}` || hash === `old-hashed:${password.value}`;
  }
  override needsRehash(hash: string): boolean {
    return hash.startsWith('old-hashed:');
  }
}

export class ReversingDigester extends TokenDigester {
  digest(secret: string): string {
    return `digest:${[...secret].reverse().join('')}`;
  }
}

export class CountingMetrics extends RegistrationMetrics {
  signUps = 0;
  resends = 0;
  confirmations: number[] = [];
  signedUp(): void {
    this.signUps += 1;
  }
  resendRequested(): void {
    this.resends += 1;
  }
  confirmed(sinceSignUpMs: number): void {
    this.confirmations.push(sinceSignUpMs);
  }
}

/** A short stand-in for the real list of common passwords. */
export class ShortCommonPasswords extends CommonPasswords {
  private readonly list = new Set(['password', '12345678', 'iloveyou', 'sunshine1']);
  includes(password: string): boolean {
    return this.list.has(password.toLowerCase());
  }
}

export class ShortDisposableDomains extends DisposableDomains {
  includes(domain: string): boolean {
    return domain === 'mailinator.com' || domain.endsWith('.mailinator.com');
  }
}
