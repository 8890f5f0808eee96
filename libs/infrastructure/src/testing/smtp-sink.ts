import type { ParsedMail } from 'mailparser';
import {
  startLoopbackSmtpServer,
  summarize,
  type LoopbackSmtpServer,
  type MessageSummary,
} from '../local/loopback-smtp-server';

export interface ReceivedEmail extends MessageSummary {
  headers: ParsedMail['headers'];
}

/**
 * A real SMTP server inside the test process. It can be taken down and brought back on the same port,
 * and told to answer DATA with an SMTP error, to test delivery through outages.
 */
export class SmtpSink {
  readonly received: ReceivedEmail[] = [];
  private server: LoopbackSmtpServer | undefined;
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
    const server = await startLoopbackSmtpServer(
      this.port,
      async (mail) => {
        const failure = this.failWith;
        if (this.acceptDelayMs) await new Promise((resolve) => setTimeout(resolve, this.acceptDelayMs));
        if (failure) throw Object.assign(new Error(failure.message), { responseCode: failure.code });
        this.received.push({ ...summarize(mail), headers: mail.headers });
      },
      { closeTimeout: 50 },
    );
    this.port = server.port;
    this.server = server;
  }

  async down(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    await server?.close();
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
