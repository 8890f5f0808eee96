import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedEmail {
  to: string;
  subject: string;
  messageId: string;
  html: string;
  text: string;
  headers: ParsedMail['headers'];
}

/**
 * A real SMTP server inside the test process. It can be taken down and brought back on the same port,
 * and told to answer DATA with an SMTP error, to test delivery through outages.
 */
export class SmtpSink {
  readonly received: ReceivedEmail[] = [];
  private server: SMTPServer | undefined;
  private failWith: { code: number; message: string } | undefined;
  /** How long the server takes to accept each message, to keep a batch in flight. */
  acceptDelayMs = 0;
  port = 0;

  static async start(): Promise<SmtpSink> {
    const sink = new SmtpSink();
    await sink.up();
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async up(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      closeTimeout: 50,
      onData: (stream, _session, callback) => {
        const failure = this.failWith;
        simpleParser(stream)
          .then(async (mail) => {
            if (this.acceptDelayMs) await new Promise((resolve) => setTimeout(resolve, this.acceptDelayMs));
            if (failure) {
              callback(Object.assign(new Error(failure.message), { responseCode: failure.code }));
              return;
            }
            this.received.push({
              to: [mail.to ?? []]
                .flat()
                .map((address) => address.text)
                .join(', '),
              subject: mail.subject ?? '',
              messageId: mail.messageId ?? '',
              html: typeof mail.html === 'string' ? mail.html : '',
              text: mail.text ?? '',
              headers: mail.headers,
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    // A client that vanishes mid-session (a worker killed with SIGKILL) is the client's problem, not the server's.
    server.on('error', () => undefined);
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  async down(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Answer every message with this SMTP status until `acceptAll()`. */
  rejectWith(code: number, message: string): void {
    this.failWith = { code, message };
  }

  acceptAll(): void {
    this.failWith = undefined;
  }

  to(address: string): ReceivedEmail[] {
    return this.received.filter((email) => email.to.toLowerCase() === address.toLowerCase());
  }

  /** Waits until `count` emails have reached this address, failing after the timeout. */
  async waitFor(address: string, count = 1, timeoutMs = 15_000): Promise<ReceivedEmail[]> {
    return waitUntil(
      () => (this.to(address).length >= count ? this.to(address) : undefined),
      timeoutMs,
      () => `${count} email(s) to ${address}; got ${this.to(address).length}`,
    );
  }

  async waitForTotal(count: number, timeoutMs = 30_000): Promise<ReceivedEmail[]> {
    return waitUntil(
      () => (this.received.length >= count ? this.received : undefined),
      timeoutMs,
      () => `${count} email(s) in all; got ${this.received.length}`,
    );
  }
}

export async function waitUntil<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs: number,
  what: () => string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The confirmation secret from an email's plain-text link. */
export function tokenFrom(email: ReceivedEmail): string {
  const match = /\/confirm\?token=([A-Za-z0-9_-]+)/.exec(email.text);
  if (!match) throw new Error(`No confirmation link in: ${email.text}`);
  return match[1];
}
