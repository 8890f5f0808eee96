import type { AuditAction, DeliveryState } from '../../../lib/api-enums';
import type { UserDetail } from '../api/get-user';

export type TimelineTone = 'neutral' | 'success' | 'danger' | 'info' | 'staff';

export interface TimelineEvent {
  key: string;
  at: string;
  tone: TimelineTone;
  title: string;
  /** The error of a failed email, the attempts of one still trying. */
  detail?: string;
  /** Who on the staff did it, and why. */
  actor?: string;
  reason?: string | null;
}

type UserAction = Extract<AuditAction, `user.${string}`>;

// What staff can do to one user, as the timeline says it: an action the API adds on users needs its words here.
const STAFF_ACTIONS = {
  'user.resend_confirmation': 'Confirmation email resent by staff',
  'user.confirm': 'Confirmed by hand',
  'user.disable': 'Disabled',
  'user.enable': 'Enabled again',
  'user.delete': 'Deleted',
  'user.suppression_lifted': 'Suppression lifted: emails go to the address again',
  'user.sign_in_lockout_lifted': 'Sign-in lockout lifted by staff: the person can sign in again',
} satisfies Record<UserAction, string>;

type ProviderEvent = UserDetail['deliveryEvents'][number];

const PROVIDERS = {
  postmark: 'Postmark',
  mailgun: 'Mailgun',
  sendgrid: 'SendGrid',
  ses: 'Amazon SES',
  'bounce-email': 'a bounce email',
} satisfies Record<ProviderEvent['provider'], string>;

// What a provider's report says happened, and how it looks: a kind the API adds needs its words here.
const PROVIDER_EVENTS = {
  delivered: { title: 'Delivered', tone: 'success' },
  deferred: { title: 'Delayed by the receiving server', tone: 'info' },
  bounced: { title: 'Bounced', tone: 'danger' },
  complained: { title: 'Marked as spam', tone: 'danger' },
} satisfies Record<ProviderEvent['kind'], { title: string; tone: TimelineTone }>;

function providerEventTitle(event: ProviderEvent, emails: Map<string, string>): string {
  const { title } = PROVIDER_EVENTS[event.kind];
  const bounce = event.kind === 'bounced' && event.bounceType ? ` (${event.bounceType})` : '';
  const email = emails.get(event.emailId);
  return `${email ? `${email}: ` : ''}${title}${bounce}, reported by ${PROVIDERS[event.provider]}`;
}

function isUserAction(action: AuditAction): action is UserAction {
  return action.startsWith('user.');
}

const EMAIL_NAMES: Record<string, string> = {
  confirmation: 'Confirmation email',
  'already-registered': '“You already have an account” email',
};

function emailName(template: string): string {
  return EMAIL_NAMES[template] ?? `Email “${template}”`;
}

function attempts(count: number): string {
  return `${count} ${count === 1 ? 'attempt' : 'attempts'}`;
}

type EventKind =
  'registered' | 'queued' | 'staff' | 'sent' | 'failed' | 'suppressed' | 'waiting' | 'reported' | 'confirmed';

// Among events at the same instant, the order things happen in.
const ORDER = {
  registered: 0,
  queued: 1,
  staff: 2,
  sent: 3,
  failed: 3,
  suppressed: 3,
  waiting: 3,
  reported: 4,
  confirmed: 4,
} satisfies Record<EventKind, number>;

// What each state of an email adds after "queued": a state the API adds must say which.
const FOLLOW_UP = {
  queued: 'waiting',
  sending: 'waiting',
  sent: 'sent',
  failed: 'failed',
  suppressed: 'suppressed',
} satisfies Record<DeliveryState, EventKind>;

/**
 * What happened to one person, oldest first: the sign-up, each email (queued, then sent, failed with its error,
 * or still being tried), what providers reported about each (delivered, bounced with the reason in plain words,
 * marked as spam), the confirmation, and what staff did with their reasons. Webhooks are not about the
 * person's experience and stay out.
 */
export function buildTimeline(user: UserDetail): TimelineEvent[] {
  const events: Array<TimelineEvent & { order: number }> = [
    {
      key: 'registered',
      at: user.createdAt,
      tone: 'neutral',
      title: 'Signed up',
      detail: `Language: ${user.locale}`,
      order: ORDER.registered,
    },
  ];
  for (const delivery of user.deliveries) {
    if (delivery.channel !== 'email') continue;
    const name = emailName(delivery.template);
    events.push({
      key: `${delivery.id}:queued`,
      at: delivery.createdAt,
      tone: 'info',
      title: `${name} queued`,
      order: ORDER.queued,
    });
    const followUp = FOLLOW_UP[delivery.state];
    if (followUp === 'sent' && delivery.sentAt) {
      events.push({
        key: `${delivery.id}:sent`,
        at: delivery.sentAt,
        tone: 'success',
        title: `${name} sent`,
        detail: `to ${delivery.recipient}`,
        order: ORDER.sent,
      });
    } else if (followUp === 'failed') {
      events.push({
        key: `${delivery.id}:failed`,
        // The API keeps no time of the last attempt; the failure is shown where the email was queued.
        at: delivery.createdAt,
        tone: 'danger',
        title: `${name} failed after ${attempts(delivery.attempts)}`,
        detail: delivery.lastError ?? 'No error was recorded.',
        order: ORDER.failed,
      });
    } else if (followUp === 'suppressed') {
      events.push({
        key: `${delivery.id}:suppressed`,
        at: delivery.createdAt,
        tone: 'danger',
        title: `${name} not sent: the address is suppressed`,
        detail: delivery.lastError ?? 'The address is on the suppression list.',
        order: ORDER.suppressed,
      });
    } else if (followUp === 'waiting') {
      const retry = delivery.nextAttemptAt ? `; next attempt ${new Date(delivery.nextAttemptAt).toLocaleString()}` : '';
      events.push({
        key: `${delivery.id}:waiting`,
        at: delivery.createdAt,
        tone: delivery.lastError ? 'danger' : 'info',
        title: `${name} ${delivery.state === 'sending' ? 'being sent' : 'waiting to be sent'}`,
        detail: [
          `${delivery.attempts ? `${attempts(delivery.attempts)} so far` : 'Not tried yet'}${retry}`,
          delivery.lastError ? `Last error: ${delivery.lastError}` : null,
        ]
          .filter(Boolean)
          .join('. '),
        order: ORDER.waiting,
      });
    }
  }
  const emails = new Map(user.deliveries.map((delivery) => [delivery.id, emailName(delivery.template)]));
  for (const event of user.deliveryEvents) {
    events.push({
      key: `event:${event.id}`,
      at: event.occurredAt,
      tone: PROVIDER_EVENTS[event.kind].tone,
      title: providerEventTitle(event, emails),
      // In plain words: "the mailbox does not exist: 550 5.1.1".
      detail: event.kind === 'delivered' ? undefined : event.description,
      order: ORDER.reported,
    });
  }
  if (user.confirmedAt) {
    events.push({
      key: 'confirmed',
      at: user.confirmedAt,
      tone: 'success',
      title: 'Confirmed the address',
      order: ORDER.confirmed,
    });
  }
  for (const entry of user.audit) {
    events.push({
      key: `audit:${entry.id}`,
      at: entry.createdAt,
      tone: 'staff',
      title: isUserAction(entry.action) ? STAFF_ACTIONS[entry.action] : entry.action,
      actor: entry.staffEmail,
      reason: entry.reason,
      order: ORDER.staff,
    });
  }
  return events
    .map((event, index) => ({ event, index }))
    .sort(
      (a, b) => Date.parse(a.event.at) - Date.parse(b.event.at) || a.event.order - b.event.order || a.index - b.index,
    )
    .map(({ event: { order: _order, ...event } }) => event);
}
