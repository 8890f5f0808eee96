import fc from 'fast-check';
import { waitUntil } from '@gatehouse/infrastructure/testing/smtp-sink';
import { createHmac, generateKeyPairSync, randomBytes, randomUUID, sign } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { selfSignedCertificate } from './support/self-signed-certificate';
import { postJson, useTestApp } from './support/test-app';

const POSTMARK = { user: 'postmark', password: 'postmark-password-0123456789' };
const MAILGUN_KEY = 'mailgun-signing-key-0123456789abcdef';
const sendgridKeys = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const SENDGRID_PUBLIC_KEY = sendgridKeys.publicKey.export({ format: 'der', type: 'spki' }).toString('base64');

const running = useTestApp({
  POSTMARK_WEBHOOK_USER: POSTMARK.user,
  POSTMARK_WEBHOOK_PASSWORD: POSTMARK.password,
  MAILGUN_WEBHOOK_SIGNING_KEY: MAILGUN_KEY,
  SENDGRID_WEBHOOK_PUBLIC_KEY: SENDGRID_PUBLIC_KEY,
  // The test's own SNS: certificates and SubscribeURLs from a server on 127.0.0.1, over http (allowed outside
  // production for a loopback host the list names; production takes https only).
  SES_SNS_CERT_HOSTS: 'sns.*.amazonaws.com,127.0.0.1',
  SOFT_BOUNCE_LIMIT: '2',
  EMAIL_COOLDOWN: '0s',
});

let sequence = 0;
/** Signs up a new address and returns the confirmation email as it left: its outbox id and Message-ID. */
async function sentEmail(): Promise<{ address: string; outboxId: string; messageId: string }> {
  const address = `events-${++sequence}-${randomBytes(3).toString('hex')}@example.com`;
  const response = await postJson(running.gatehouse.baseUrl, '/api/registrations', {
    email: address,
    password: 'correct horse battery staple',
  });
  expect(response.status).toBe(202);
  const [email] = await running.smtp.waitFor(address);
  const outboxId = String(email.headers.get('x-pm-metadata-gatehouse-email-id'));
  expect(JSON.parse(String(email.headers.get('x-smtpapi')))).toEqual({ unique_args: { gatehouse_email_id: outboxId } });
  return { address, outboxId, messageId: String(email.messageId) };
}

async function post(path: string, body: string, headers: Record<string, string>) {
  const response = await fetch(`${running.gatehouse.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const count = async (sql: string, values: unknown[]) =>
  (await running.gatehouse.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, values)).rows[0].n;
const eventsAbout = (outboxId: string) => count('delivery_events WHERE outbox_id = $1', [outboxId]);
const suppressed = (address: string) => count('suppressions WHERE address_key = $1', [address]);

function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

describe('POST /api/email-events/postmark', () => {
  const bounce = (outboxId: string, id: number) =>
    JSON.stringify({
      RecordType: 'Bounce',
      ID: id,
      Type: 'HardBounce',
      TypeCode: 1,
      Name: 'Hard bounce',
      MessageID: '883953f4-6105-42a2-a16a-77a8eac79483',
      Description: 'The server was unable to deliver your message (ex: unknown user, mailbox not found).',
      Details: 'smtp;550 5.1.1 The email account that you tried to reach does not exist.',
      Email: 'john@example.com',
      BouncedAt: '2026-03-01T13:28:10.2735393-04:00',
      Inactive: true,
      Metadata: { 'gatehouse-email-id': outboxId },
    });

  it('records a hard bounce once, suppresses the address, and the next email to it is not sent', async () => {
    const { address, outboxId } = await sentEmail();
    const auth = { authorization: basic(POSTMARK.user, POSTMARK.password) };
    const first = await post('/api/email-events/postmark', bounce(outboxId, 4242), auth);
    expect(first).toEqual({ status: 200, body: { received: 1, recorded: 1, repeated: 0, ignored: 0 } });
    const again = await post('/api/email-events/postmark', bounce(outboxId, 4242), auth);
    expect(again.body).toEqual({ received: 1, recorded: 0, repeated: 1, ignored: 0 });
    expect(await eventsAbout(outboxId)).toBe(1);
    const { rows } = await running.gatehouse.db.query(
      `SELECT kind, bounce_type, smtp_status FROM delivery_events WHERE outbox_id = $1`,
      [outboxId],
    );
    expect(rows).toEqual([{ kind: 'bounced', bounce_type: 'hard', smtp_status: '5.1.1' }]);
    expect(await suppressed(address)).toBe(1);

    // The person asks again: the answer is the same as ever, and the email is recorded as suppressed, not sent.
    const resend = await postJson(running.gatehouse.baseUrl, '/api/registrations/resend', { email: address });
    expect(resend.status).toBe(202);
    const state = async () =>
      (
        await running.gatehouse.db.query<{ state: string; last_error: string }>(
          `SELECT state, last_error FROM email_outbox WHERE recipient_normalized = $1 AND id <> $2 AND channel = 'email'`,
          [address, outboxId],
        )
      ).rows[0];
    const withheld = await waitUntil(
      async () => ((await state())?.state === 'suppressed' ? state() : undefined),
      15_000,
      () => 'the resent email recorded as suppressed',
    );
    expect(withheld?.last_error).toContain('bounced for good');
    expect(running.smtp.to(address)).toHaveLength(1);
  });

  it('refuses wrong or missing credentials with 401 and stores nothing', async () => {
    const { outboxId } = await sentEmail();
    for (const headers of [
      { authorization: basic(POSTMARK.user, 'wrong-password-0123456789') },
      {} as Record<string, string>,
    ]) {
      const refused = await post('/api/email-events/postmark', bounce(outboxId, 7), headers);
      expect(refused.status).toBe(401);
      expect(refused.body.error).toBe('unverified');
    }
    expect(await eventsAbout(outboxId)).toBe(0);
  });
});

describe('POST /api/email-events/mailgun', () => {
  const signed = (fields: { timestamp?: string; token?: string; key?: string } = {}) => {
    const timestamp = fields.timestamp ?? String(Math.floor(Date.now() / 1000));
    const token = fields.token ?? randomBytes(25).toString('hex');
    const signature = createHmac('sha256', fields.key ?? MAILGUN_KEY)
      .update(timestamp + token)
      .digest('hex');
    return { timestamp, token, signature };
  };
  const failed = (messageId: string, id: string, signature: ReturnType<typeof signed>) =>
    JSON.stringify({
      signature,
      'event-data': {
        id,
        timestamp: Date.now() / 1000,
        event: 'failed',
        severity: 'temporary',
        reason: 'generic',
        'delivery-status': { code: 452, message: '4.2.2 The email account that you tried to reach is over quota.' },
        message: { headers: { 'message-id': messageId.replace(/^<|>$/g, ''), to: 'alice@example.com' } },
        recipient: 'alice@example.com',
      },
    });

  it('records a signed event once; a tampered signature, a stale timestamp and a reused token get 401', async () => {
    const { messageId, outboxId } = await sentEmail();
    const signature = signed();
    const accepted = await post('/api/email-events/mailgun', failed(messageId, 'mg-1', signature), {});
    expect(accepted).toEqual({ status: 200, body: { received: 1, recorded: 1, repeated: 0, ignored: 0 } });
    // The same request again: its token is spent.
    expect((await post('/api/email-events/mailgun', failed(messageId, 'mg-1', signature), {})).status).toBe(401);
    // Mailgun retrying the same event with a fresh token: counted once.
    const retried = await post('/api/email-events/mailgun', failed(messageId, 'mg-1', signed()), {});
    expect(retried.body).toEqual({ received: 1, recorded: 0, repeated: 1, ignored: 0 });
    const tampered = { ...signed(), signature: signed({ key: 'another-key' }).signature };
    expect((await post('/api/email-events/mailgun', failed(messageId, 'mg-2', tampered), {})).status).toBe(401);
    const stale = signed({ timestamp: String(Math.floor(Date.now() / 1000) - 3600) });
    expect((await post('/api/email-events/mailgun', failed(messageId, 'mg-3', stale), {})).status).toBe(401);
    expect(await eventsAbout(outboxId)).toBe(1);
    const { rows } = await running.gatehouse.db.query(
      `SELECT kind, smtp_status FROM delivery_events WHERE outbox_id = $1`,
      [outboxId],
    );
    expect(rows).toEqual([{ kind: 'deferred', smtp_status: '452' }]);
  });
});

describe('POST /api/email-events/sendgrid', () => {
  const signedHeaders = (body: string, timestamp = String(Math.floor(Date.now() / 1000))) => ({
    'x-twilio-email-event-webhook-timestamp': timestamp,
    'x-twilio-email-event-webhook-signature': sign(
      'sha256',
      Buffer.from(timestamp + body),
      sendgridKeys.privateKey,
    ).toString('base64'),
  });
  const events = (outboxId: string, address: string) =>
    JSON.stringify([
      {
        email: address,
        timestamp: Math.floor(Date.now() / 1000),
        'smtp-id': '<14c5d75ce93.dfd.64b469@ismtpd-555>',
        event: 'bounce',
        type: 'blocked',
        status: '4.0.0',
        reason: '421 4.7.0 Try again later',
        sg_event_id: `sg-soft-1-${outboxId}`,
        sg_message_id: '14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.0',
        gatehouse_email_id: outboxId,
      },
      {
        email: address,
        timestamp: Math.floor(Date.now() / 1000),
        event: 'bounce',
        type: 'blocked',
        status: '4.0.0',
        reason: '421 4.7.0 Try again later',
        sg_event_id: `sg-soft-2-${outboxId}`,
        gatehouse_email_id: outboxId,
      },
      { email: address, timestamp: 1, event: 'open', sg_event_id: `sg-open-${outboxId}`, gatehouse_email_id: outboxId },
    ]);

  it('verifies the ECDSA signature over timestamp + body; soft bounces reaching SOFT_BOUNCE_LIMIT suppress', async () => {
    const { address, outboxId } = await sentEmail();
    const body = events(outboxId, address);
    const tampered = body.replace('421 4.7.0', '550 5.1.1');
    expect((await post('/api/email-events/sendgrid', tampered, signedHeaders(body))).status).toBe(401);
    expect((await post('/api/email-events/sendgrid', body, {})).status).toBe(401);
    expect(await eventsAbout(outboxId)).toBe(0);

    const accepted = await post('/api/email-events/sendgrid', body, signedHeaders(body));
    expect(accepted).toEqual({ status: 200, body: { received: 2, recorded: 2, repeated: 0, ignored: 0 } });
    const again = await post('/api/email-events/sendgrid', body, signedHeaders(body));
    expect(again.body).toEqual({ received: 2, recorded: 0, repeated: 2, ignored: 0 });
    const { rows } = await running.gatehouse.db.query(
      `SELECT cause, suppressed_until IS NOT NULL AS timed FROM suppressions WHERE address_key = $1`,
      [address],
    );
    expect(rows).toEqual([{ cause: 'soft_bounces', timed: true }]);
  });

  it('answers a verified body of the wrong shape 400 in the field-problems shape', async () => {
    const body = JSON.stringify({ event: 'bounce' });
    const refused = await post('/api/email-events/sendgrid', body, signedHeaders(body));
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({ errors: [{ field: 'body', message: expect.any(String) }] });
  });
});

// The test plays SNS: a certificate it made, served (with the SubscribeURL) by an HTTP server of its own.
const snsCertificate = selfSignedCertificate();
const snsRequests: string[] = [];
let snsServer: Server;
let snsBase = '';
beforeAll(async () => {
  snsServer = createServer((request, response) => {
    snsRequests.push(request.url ?? '');
    if (request.url?.endsWith('.pem')) {
      response.writeHead(200, { 'content-type': 'application/x-pem-file' }).end(snsCertificate.pem);
    } else {
      response.writeHead(200, { 'content-type': 'text/xml' }).end('<ConfirmSubscriptionResponse/>');
    }
  });
  await new Promise<void>((resolve) => snsServer.listen(0, '127.0.0.1', resolve));
  snsBase = `http://127.0.0.1:${(snsServer.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => snsServer.close(() => resolve())));

const SIGNED: Record<string, string[]> = {
  Notification: ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type'],
  SubscriptionConfirmation: ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'],
};
const TOPIC = 'arn:aws:sns:us-east-1:123456789012:gatehouse-ses';

/** An SNS message as SNS signs it: the documented string to sign, SHA1withRSA (1) or SHA256withRSA (2). */
function snsMessage(
  fields: Record<string, string>,
  version: '1' | '2' = '1',
  certPath = '/SimpleNotificationService-test.pem',
) {
  const message: Record<string, string> = {
    MessageId: randomUUID(),
    TopicArn: TOPIC,
    Timestamp: new Date().toISOString(),
    SignatureVersion: version,
    SigningCertURL: certPath.startsWith('http') ? certPath : `${snsBase}${certPath}`,
    ...fields,
  };
  const signed = SIGNED[message.Type]
    .filter((field) => message[field] !== undefined)
    .map((field) => `${field}\n${message[field]}\n`)
    .join('');
  message.Signature = sign(
    version === '1' ? 'sha1' : 'sha256',
    Buffer.from(signed),
    snsCertificate.privateKey,
  ).toString('base64');
  return message;
}

/** SNS posts its JSON with Content-Type text/plain. */
async function postSns(message: Record<string, string>) {
  const response = await fetch(`${running.gatehouse.baseUrl}/api/email-events/ses`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain; charset=UTF-8', 'x-amz-sns-message-type': message.Type },
    body: JSON.stringify(message),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** SES's notification JSON, as its documentation shows it, about the email with this Message-ID. */
function sesNotification(type: 'Bounce' | 'Complaint' | 'Delivery', messageId: string, address: string, id: string) {
  const mail = {
    timestamp: '2026-01-27T14:59:38.237Z',
    source: 'gatehouse@example.com',
    messageId: `0000014644fe5ef6-${id}`,
    destination: [address],
    headersTruncated: false,
    headers: [{ name: 'Message-ID', value: messageId }],
    commonHeaders: { from: ['gatehouse@example.com'], to: [address], messageId, subject: 'Confirm your address' },
  };
  const timestamp = new Date().toISOString();
  if (type === 'Bounce') {
    return JSON.stringify({
      notificationType: 'Bounce',
      bounce: {
        bounceType: 'Permanent',
        bounceSubType: 'General',
        reportingMTA: 'dns; email.example.com',
        bouncedRecipients: [
          { emailAddress: address, status: '5.1.1', action: 'failed', diagnosticCode: 'smtp; 550 5.1.1 user unknown' },
        ],
        timestamp,
        feedbackId: `00000138111222aa-${id}`,
        remoteMtaIp: '127.0.2.0',
      },
      mail,
    });
  }
  if (type === 'Complaint') {
    return JSON.stringify({
      notificationType: 'Complaint',
      complaint: {
        userAgent: 'AnyCompany Feedback Loop (V0.01)',
        complainedRecipients: [{ emailAddress: address }],
        complaintFeedbackType: 'abuse',
        arrivalDate: timestamp,
        timestamp,
        feedbackId: `000001378603177f-${id}`,
      },
      mail,
    });
  }
  return JSON.stringify({
    notificationType: 'Delivery',
    delivery: {
      timestamp,
      processingTimeMillis: 546,
      recipients: [address],
      smtpResponse: '250 ok:  Message 64111812 accepted',
      reportingMTA: 'a8-70.smtp-out.amazonses.com',
      remoteMtaIp: '127.0.2.0',
    },
    mail,
  });
}

describe('POST /api/email-events/ses', () => {
  it('confirms a signed SubscriptionConfirmation by visiting its SubscribeURL; unsigned ones get 401', async () => {
    const token = randomBytes(16).toString('hex');
    const confirmation = snsMessage({
      Type: 'SubscriptionConfirmation',
      Token: token,
      Message: `You have chosen to subscribe to the topic ${TOPIC}.\nTo confirm the subscription, visit the SubscribeURL included in this message.`,
      SubscribeURL: `${snsBase}/?Action=ConfirmSubscription&TopicArn=${TOPIC}&Token=${token}`,
    });
    const tampered = { ...confirmation, SubscribeURL: `${snsBase}/?Action=ConfirmSubscription&Token=forged` };
    expect((await postSns(tampered)).status).toBe(401);
    expect(snsRequests.filter((url) => url.includes('forged'))).toEqual([]);

    const accepted = await postSns(confirmation);
    expect(accepted).toEqual({
      status: 200,
      body: { received: 0, recorded: 0, repeated: 0, ignored: 0, subscriptionConfirmed: true },
    });
    expect(snsRequests.filter((url) => url.includes(token))).toHaveLength(1);

    // Signed, but its SubscribeURL is on a host SES_SNS_CERT_HOSTS does not list: not visited.
    const elsewhere = snsMessage({
      Type: 'SubscriptionConfirmation',
      Token: 'elsewhere',
      Message: 'You have chosen to subscribe.',
      SubscribeURL: `${snsBase.replace('127.0.0.1', 'localhost')}/?Action=ConfirmSubscription&Token=elsewhere`,
    });
    expect((await postSns(elsewhere)).body.subscriptionConfirmed).toBe(false);
    expect(snsRequests.filter((url) => url.includes('elsewhere'))).toEqual([]);
  });

  it('records a signed bounce (SignatureVersion 1) once and suppresses; tampered or from another host: 401', async () => {
    const { address, messageId, outboxId } = await sentEmail();
    const bounce = snsMessage({ Type: 'Notification', Message: sesNotification('Bounce', messageId, address, 'b1') });

    const tampered = { ...bounce, Message: bounce.Message.replace('Permanent', 'Transient') };
    expect(await postSns(tampered)).toEqual({ status: 401, body: expect.objectContaining({ error: 'unverified' }) });
    // Signed with the test's key, but the certificate is said to be on a host the list does not name: never fetched.
    const before = snsRequests.length;
    const otherHost = snsMessage(
      { Type: 'Notification', Message: bounce.Message },
      '1',
      `${snsBase.replace('127.0.0.1', 'localhost')}/SimpleNotificationService-other.pem`,
    );
    expect((await postSns(otherHost)).status).toBe(401);
    expect(snsRequests.length).toBe(before);
    expect(await eventsAbout(outboxId)).toBe(0);

    expect(await postSns(bounce)).toEqual({ status: 200, body: { received: 1, recorded: 1, repeated: 0, ignored: 0 } });
    // SNS retrying the same message: counted once.
    expect((await postSns(bounce)).body).toEqual({ received: 1, recorded: 0, repeated: 1, ignored: 0 });
    const { rows } = await running.gatehouse.db.query(
      `SELECT provider, kind, bounce_type, smtp_status, diagnostic FROM delivery_events WHERE outbox_id = $1`,
      [outboxId],
    );
    expect(rows).toEqual([
      {
        provider: 'ses',
        kind: 'bounced',
        bounce_type: 'hard',
        smtp_status: '5.1.1',
        diagnostic: '550 5.1.1 user unknown',
      },
    ]);
    expect(await suppressed(address)).toBe(1);
  });

  it('verifies SignatureVersion 2 (SHA256withRSA, with a Subject); the certificate is fetched once per URL', async () => {
    const { address, messageId, outboxId } = await sentEmail();
    const certPath = `/SimpleNotificationService-${randomBytes(4).toString('hex')}.pem`;
    const delivery = snsMessage(
      {
        Type: 'Notification',
        Subject: 'Amazon SES Email Event Notification',
        Message: sesNotification('Delivery', messageId, address, 'd1'),
      },
      '2',
      certPath,
    );
    const complaint = snsMessage(
      { Type: 'Notification', Message: sesNotification('Complaint', messageId, address, 'c1') },
      '2',
      certPath,
    );
    expect((await postSns({ ...delivery, Subject: 'changed' })).status).toBe(401);
    expect((await postSns(delivery)).body).toEqual({ received: 1, recorded: 1, repeated: 0, ignored: 0 });
    expect((await postSns(complaint)).body).toEqual({ received: 1, recorded: 1, repeated: 0, ignored: 0 });
    expect(snsRequests.filter((url) => url === certPath)).toHaveLength(1);
    const { rows } = await running.gatehouse.db.query(
      `SELECT kind FROM delivery_events WHERE outbox_id = $1 ORDER BY kind`,
      [outboxId],
    );
    expect(rows).toEqual([{ kind: 'complained' }, { kind: 'delivered' }]);
    const suppression = await running.gatehouse.db.query(`SELECT cause FROM suppressions WHERE address_key = $1`, [
      address,
    ]);
    expect(suppression.rows).toEqual([{ cause: 'complaint' }]);
  });
});

describe('deliverability metrics', () => {
  const scrape = async () => (await (await fetch(`${running.gatehouse.baseUrl}/metrics`)).text()).split('\n');
  const value = (lines: string[], series: string) =>
    Number(lines.find((line) => line.startsWith(`${series} `))?.split(' ')[1] ?? 0);
  const BOUNCES = 'gatehouse_delivery_events_total{provider="ses",kind="bounced"}';
  const HARD = 'gatehouse_suppressed_addresses{cause="hard_bounce"}';

  it('counts recorded events by provider and kind (a repeat not again) and the suppression list by cause', async () => {
    const before = await scrape();
    const { address, messageId } = await sentEmail();
    const bounce = snsMessage({ Type: 'Notification', Message: sesNotification('Bounce', messageId, address, 'm1') });
    await postSns(bounce);
    await postSns(bounce);
    const after = await scrape();
    expect(value(after, BOUNCES) - value(before, BOUNCES)).toBe(1);
    expect(value(after, HARD) - value(before, HARD)).toBe(1);
    // Emails the outbox withheld are counted with the other states.
    expect(after.some((line) => /^gatehouse_emails\{state="suppressed"\} \d+$/.test(line))).toBe(true);
  });
});

// Fuzz: bodies of any JSON shape, verified as each provider signs (so they reach the parser), never get a 5xx.
describe('the email-event webhooks under arbitrary verified bodies', () => {
  const json = fc.jsonValue({ maxDepth: 4 });
  const mailgunSigned = () => {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const token = randomBytes(25).toString('hex');
    return {
      timestamp,
      token,
      signature: createHmac('sha256', MAILGUN_KEY)
        .update(timestamp + token)
        .digest('hex'),
    };
  };
  const cases: Array<[string, (value: unknown) => { body: string; headers: Record<string, string> }]> = [
    [
      'postmark',
      (value) => ({ body: JSON.stringify(value), headers: { authorization: basic(POSTMARK.user, POSTMARK.password) } }),
    ],
    [
      'mailgun',
      (value) => ({
        body: JSON.stringify({ signature: mailgunSigned(), 'event-data': value }),
        headers: {},
      }),
    ],
    [
      'sendgrid',
      (value) => {
        const body = JSON.stringify(value);
        const timestamp = String(Math.floor(Date.now() / 1000));
        const signature = sign('sha256', Buffer.from(timestamp + body), sendgridKeys.privateKey).toString('base64');
        return {
          body,
          headers: {
            'x-twilio-email-event-webhook-timestamp': timestamp,
            'x-twilio-email-event-webhook-signature': signature,
          },
        };
      },
    ],
    [
      'ses',
      (value) => ({
        body: JSON.stringify(snsMessage({ Type: 'Notification', Message: JSON.stringify(value) })),
        headers: { 'content-type': 'text/plain; charset=UTF-8' },
      }),
    ],
  ];

  it.each(cases)('POST /api/email-events/%s answers 2xx or 4xx (150 cases)', async (provider, request) => {
    await fc.assert(
      fc.asyncProperty(json, async (value) => {
        const { body, headers } = request(value);
        const response = await fetch(`${running.gatehouse.baseUrl}/api/email-events/${provider}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body,
        });
        await response.text();
        return response.status < 500;
      }),
      { numRuns: 150 },
    );
  });
});
