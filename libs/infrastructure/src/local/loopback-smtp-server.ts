import type { ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import type { SMTPServerOptions } from 'smtp-server';
import { requireDevelopmentPackage } from './development-package';

/** The parts of a received message that the development inbox and the tests' SMTP sink keep. */
export interface MessageSummary {
  to: string;
  subject: string;
  messageId: string;
  html: string;
  text: string;
}

export function summarize(mail: ParsedMail): MessageSummary {
  return {
    to: [mail.to ?? []]
      .flat()
      .map((address) => address.text)
      .join(', '),
    subject: mail.subject ?? '',
    messageId: mail.messageId ?? '',
    html: typeof mail.html === 'string' ? mail.html : '',
    text: mail.text ?? '',
  };
}

export interface LoopbackSmtpServer {
  port: number;
  close(): Promise<void>;
}

/**
 * A plain SMTP server on 127.0.0.1 (no TLS, no auth) that parses every message and hands it to `onMail`;
 * an error thrown there (with a `responseCode`) becomes the SMTP answer. Port 0 picks a free port.
 */
export async function startLoopbackSmtpServer(
  port: number,
  onMail: (mail: ParsedMail) => Promise<void>,
  options: Pick<SMTPServerOptions, 'banner' | 'size' | 'closeTimeout'> = {},
): Promise<LoopbackSmtpServer> {
  // Development dependencies: a production install has neither, and never comes here with SMTP_URL set.
  const purpose = 'the development inbox (an SMTP server on 127.0.0.1)';
  const { SMTPServer } = requireDevelopmentPackage<typeof import('smtp-server')>('smtp-server', 'SMTP_URL', purpose);
  const { simpleParser } = requireDevelopmentPackage<typeof import('mailparser')>('mailparser', 'SMTP_URL', purpose);
  const server = new SMTPServer({
    ...options,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData: (stream, _session, callback) => {
      simpleParser(stream)
        .then(onMail)
        .then(() => callback())
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  // A client that vanishes mid-session (a process killed with SIGKILL) is the client's problem, not the server's.
  server.on('error', () => undefined);
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
