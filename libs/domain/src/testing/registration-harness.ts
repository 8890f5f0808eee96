import { AccountActivation } from '../confirmation/account-activation';
import { ConfirmationEmails } from '../confirmation/confirmation-emails';
import type { ConfirmationPolicy } from '../confirmation/confirmation-policy';
import { AddressFolding } from '../users/address-folding';
import { SignUpRules } from '../users/sign-up-rules';
import { ConfirmEmail } from '../use-cases/confirm-email.use-case';
import { ConfirmWithCode } from '../use-cases/confirm-with-code.use-case';
import { DescribeConfirmationLink } from '../use-cases/describe-confirmation-link.use-case';
import { RegisterUser } from '../use-cases/register-user.use-case';
import { ResendConfirmation } from '../use-cases/resend-confirmation.use-case';
import {
  CountingMetrics,
  InMemoryConfirmations,
  CountingRandom,
  FixedClock,
  InMemoryNewAccounts,
  InMemoryStore,
  InMemoryUnitOfWork,
  PlainTextHasher,
  ReversingDigester,
  ShortCommonPasswords,
  ShortDisposableDomains,
} from './in-memory-ports';

export const TOKEN_TTL_MS = 24 * 60 * 60 * 1000;
export const EMAIL_COOLDOWN_MS = 60 * 1000;
export const EMAILS_PER_ADDRESS = { limit: 5, windowMs: 60 * 60 * 1000 };

/** The registration use cases wired to in-memory ports, as the API module wires them to real ones. */
export function registrationHarness(options: { policy?: Partial<ConfirmationPolicy>; folding?: AddressFolding } = {}) {
  const store = new InMemoryStore();
  const unitOfWork = new InMemoryUnitOfWork(store);
  const clock = new FixedClock();
  const random = new CountingRandom();
  const hasher = new PlainTextHasher();
  const digester = new ReversingDigester();
  const folding = options.folding ?? AddressFolding.none;
  const mailer = new ConfirmationEmails(random, digester, clock, {
    tokenTtlMs: TOKEN_TTL_MS,
    emailCooldownMs: EMAIL_COOLDOWN_MS,
    emailsPerAddress: EMAILS_PER_ADDRESS,
    ...options.policy,
  });
  const metrics = new CountingMetrics();
  const register = new RegisterUser(
    new InMemoryNewAccounts(store),
    unitOfWork,
    hasher,
    random,
    clock,
    mailer,
    metrics,
    new SignUpRules(new ShortCommonPasswords(), new ShortDisposableDomains(), folding),
    digester,
  );
  const confirmations = new InMemoryConfirmations(store);
  const activation = new AccountActivation(confirmations, digester, hasher, clock, metrics);
  const confirm = new ConfirmEmail(confirmations, digester, activation);
  const resend = new ResendConfirmation(unitOfWork, mailer, metrics, folding);
  const describe = new DescribeConfirmationLink(confirmations, digester, clock);
  const confirmWithCode = new ConfirmWithCode(unitOfWork, confirmations, digester, clock, activation, folding);

  /** The secret from the newest confirmation email to this address, as the person would read it. */
  const latestConfirmation = (address: string) => {
    const emails = store.outbox.filter(
      (queued) => queued.email.to.value === address && queued.email.template === 'confirmation',
    );
    const last = emails[emails.length - 1]?.email;
    if (!last || last.template !== 'confirmation') throw new Error(`no confirmation email to ${address}`);
    return last.data;
  };
  const latestLink = (address: string): string => latestConfirmation(address).token;
  const latestCode = (address: string): string => latestConfirmation(address).code;

  return {
    store,
    unitOfWork,
    clock,
    metrics,
    mailer,
    register,
    confirm,
    confirmWithCode,
    resend,
    describe,
    latestLink,
    latestCode,
    hasher,
    random,
    digester,
  };
}
