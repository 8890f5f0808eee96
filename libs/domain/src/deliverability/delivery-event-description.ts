import type { DeliveryEventKind, BounceType } from './delivery-event';

/** An event as the delivery history keeps it, for describing it to support staff. */
export interface DeliveryEventFacts {
  kind: DeliveryEventKind;
  bounceType: BounceType | null;
  smtpStatus: string | null;
  /** The receiving server's words (a complaint's: its feedback type). */
  diagnostic: string | null;
}

// RFC 3463's enhanced status codes support meets most, in the words a person on the phone understands. The
// subject.detail part decides; the class (4 or 5) says only whether it may pass.
const BY_DETAIL: Record<string, string> = {
  '1.1': 'the mailbox does not exist',
  '1.2': 'the domain does not exist or takes no email',
  '1.3': 'the address is not a valid address',
  '1.6': 'the mailbox has moved',
  '1.10': 'the domain takes no email',
  '2.1': 'the mailbox is disabled',
  '2.2': 'the mailbox is full',
  '2.3': 'the email was too large for the mailbox',
  '3.4': 'the email was too large for the receiving server',
  '4.1': 'the receiving server did not answer',
  '4.4': 'the receiving server could not be found',
  '4.7': 'the email waited too long to be delivered',
  '7.1': 'the receiving server refused it (its policy)',
  '7.23': 'the receiving server refused it (SPF)',
  '7.26': 'the receiving server refused it (authentication: SPF, DKIM or DMARC)',
};

/** "550 5.1.1", "5.1.1", or null: the reply and status codes the server gave, as short as they were. */
function codes(facts: DeliveryEventFacts): string | null {
  const fromText = facts.diagnostic?.match(/\b[245]\d\d[ -][245]\.\d{1,3}\.\d{1,3}\b/)?.[0];
  return fromText?.replace('-', ' ') ?? facts.smtpStatus;
}

function meaning(status: string | null): string | null {
  const detail = status?.match(/^[245]\.(\d{1,3}\.\d{1,3})$/)?.[1];
  return detail ? (BY_DETAIL[detail] ?? null) : null;
}

/** What became of an email, in plain words: "the mailbox does not exist: 550 5.1.1". */
export function describeDeliveryEvent(facts: DeliveryEventFacts): string {
  const status = facts.smtpStatus?.match(/[245]\.\d{1,3}\.\d{1,3}/)?.[0] ?? codes(facts)?.match(/[245]\.\d+\.\d+/)?.[0];
  const code = codes(facts);
  const withCode = (words: string) => (code ? `${words}: ${code}` : words);
  switch (facts.kind) {
    case 'delivered':
      return 'delivered to the receiving server';
    case 'complained':
      return 'the person marked the email as spam';
    case 'deferred':
      return withCode(`delayed, still trying${meaning(status ?? null) ? ` (${meaning(status ?? null)})` : ''}`);
    case 'bounced': {
      const words = meaning(status ?? null);
      if (words) return withCode(words);
      return withCode(facts.bounceType === 'hard' ? 'the address does not take email' : 'not delivered this time');
    }
  }
}
