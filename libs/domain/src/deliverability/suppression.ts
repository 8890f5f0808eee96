import type { DeliveryEvent } from './delivery-event';

export const SUPPRESSION_CAUSES = ['hard_bounce', 'complaint', 'soft_bounces'] as const;
export type SuppressionCause = (typeof SUPPRESSION_CAUSES)[number];

export interface SuppressionSnapshot {
  /** The address's unique key (its normalized, folded form): what an account and the per-address limits use. */
  addressKey: string;
  cause: SuppressionCause;
  smtpStatus: string | null;
  diagnostic: string | null;
  since: Date;
  /** Null: until staff lift it. */
  until: Date | null;
}

/** An address no email goes to, and why. */
export class Suppression {
  private constructor(private readonly props: SuppressionSnapshot) {}

  static restore(snapshot: SuppressionSnapshot): Suppression {
    return new Suppression({ ...snapshot });
  }

  get addressKey(): string {
    return this.props.addressKey;
  }
  get cause(): SuppressionCause {
    return this.props.cause;
  }
  get until(): Date | null {
    return this.props.until;
  }

  isActiveAt(now: Date): boolean {
    return this.props.until === null || this.props.until.getTime() > now.getTime();
  }

  /** The reason in plain words, for support staff and for a refused resend. */
  describe(): string {
    const code = this.props.smtpStatus ? `: ${this.props.smtpStatus}` : '';
    switch (this.props.cause) {
      case 'hard_bounce':
        return `The address bounced for good${code}${this.props.diagnostic ? ` (${this.props.diagnostic})` : ''}.`;
      case 'complaint':
        return 'The person marked an email from us as spam.';
      case 'soft_bounces':
        return `The address bounced repeatedly${code}; emails wait until ${this.props.until?.toISOString()}.`;
    }
  }

  snapshot(): SuppressionSnapshot {
    return { ...this.props };
  }
}

export interface SuppressionSettings {
  /** Soft bounces within the window that suppress the address (SOFT_BOUNCE_LIMIT). */
  softBounceLimit: number;
  softBounceWindowMs: number;
  /** How long soft bounces suppress it (SOFT_BOUNCE_SUPPRESSION). */
  softBounceSuppressionMs: number;
}

export const SOFT_BOUNCE_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * What a delivery event does to its address: a hard bounce or a complaint suppresses it until staff lift it;
 * soft bounces suppress it for a while once there have been enough of them within the window; nothing else does.
 */
export class SuppressionRule {
  constructor(private readonly settings: SuppressionSettings) {}

  /** Since when earlier soft bounces count towards the limit, for an event that happened then. */
  softBounceWindowStart(event: DeliveryEvent): Date {
    return new Date(event.occurredAt.getTime() - this.settings.softBounceWindowMs);
  }

  /**
   * @param earlierSoftBounces soft bounces to this address already recorded within the window (this one aside)
   */
  decide(event: DeliveryEvent, addressKey: string, earlierSoftBounces: number, now: Date): Suppression | null {
    if (event.kind === 'complained') {
      return Suppression.restore({
        addressKey,
        cause: 'complaint',
        smtpStatus: null,
        diagnostic: event.feedbackType,
        since: now,
        until: null,
      });
    }
    if (event.kind !== 'bounced') return null;
    const { smtpStatus, diagnostic } = event;
    if (event.bounceType === 'hard') {
      return Suppression.restore({ addressKey, cause: 'hard_bounce', smtpStatus, diagnostic, since: now, until: null });
    }
    if (earlierSoftBounces + 1 < this.settings.softBounceLimit) return null;
    return Suppression.restore({
      addressKey,
      cause: 'soft_bounces',
      smtpStatus,
      diagnostic,
      since: now,
      until: new Date(now.getTime() + this.settings.softBounceSuppressionMs),
    });
  }
}
