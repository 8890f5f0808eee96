import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * An SMTP server that counts what it accepts and throws it away. It never parses a message, so the sink
 * costs as little CPU as possible and the benchmark measures the sender, not the receiver.
 */
export class CountingSmtpSink {
  private received = 0;
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    closeTimeout: 100,
    onData: (stream, _session, callback) => {
      stream.on('end', () => {
        this.accepted();
        callback();
      });
      stream.resume();
    },
  });
  port = 0;

  private constructor() {}

  static async start(): Promise<CountingSmtpSink> {
    const sink = new CountingSmtpSink();
    await new Promise<void>((resolve, reject) => {
      sink.server.once('error', reject);
      sink.server.listen(0, '127.0.0.1', () => resolve());
    });
    sink.port = (sink.server.server.address() as AddressInfo).port;
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  get count(): number {
    return this.received;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private accepted(): void {
    this.received += 1;
  }
}
