import { describeDeliveryEvent } from './delivery-event-description';

const bounce = (smtpStatus: string | null, diagnostic: string | null, bounceType: 'hard' | 'soft' = 'hard') => ({
  kind: 'bounced' as const,
  bounceType,
  smtpStatus,
  diagnostic,
});

describe('describeDeliveryEvent', () => {
  it('says what a bounce means, with the codes the server gave', () => {
    expect(describeDeliveryEvent(bounce('5.1.1', '550 5.1.1 user unknown'))).toBe(
      'the mailbox does not exist: 550 5.1.1',
    );
    expect(describeDeliveryEvent(bounce('5.1.1', null))).toBe('the mailbox does not exist: 5.1.1');
    expect(describeDeliveryEvent(bounce('4.2.2', '452-4.2.2 over quota', 'soft'))).toBe(
      'the mailbox is full: 452 4.2.2',
    );
    expect(describeDeliveryEvent(bounce('5.7.1', 'smtp; 554 5.7.1 rejected by policy'))).toBe(
      'the receiving server refused it (its policy): 554 5.7.1',
    );
  });

  it('falls back on the bounce type when the code means nothing it knows', () => {
    expect(describeDeliveryEvent(bounce(null, null))).toBe('the address does not take email');
    expect(describeDeliveryEvent(bounce('452', 'try later', 'soft'))).toBe('not delivered this time: 452');
  });

  it('describes deliveries, delays and complaints', () => {
    const base = { bounceType: null, smtpStatus: null, diagnostic: null };
    expect(describeDeliveryEvent({ ...base, kind: 'delivered' })).toBe('delivered to the receiving server');
    expect(describeDeliveryEvent({ ...base, kind: 'complained', diagnostic: 'abuse' })).toBe(
      'the person marked the email as spam',
    );
    expect(describeDeliveryEvent({ ...base, kind: 'deferred', smtpStatus: '4.4.1' })).toBe(
      'delayed, still trying (the receiving server did not answer): 4.4.1',
    );
  });
});
